/** Search and cited answers: the Lucene index (ingest) joined with embeddings and the answer task (assistant). */
package org.hearth.app.search;
