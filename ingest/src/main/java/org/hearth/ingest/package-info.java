/**
 * Getting the user's data in: documents, mail and the search index. Knows nothing of the assistant or the UI.
 */
package org.hearth.ingest;
