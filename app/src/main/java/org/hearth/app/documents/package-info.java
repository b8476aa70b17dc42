/**
 * Where ingest and the assistant meet for documents: a read document becomes passages with
 * their page or paragraph, and a summary comes back with the same references.
 */
package org.hearth.app.documents;
