package org.hearth.ingest.index;

import java.time.Duration;
import org.apache.lucene.index.IndexWriterConfig;

/**
 * How often an index run commits and how much it buffers. A commit costs an fsync of the new
 * segments; committing every few files or seconds bounds what a crash can cost to that much work.
 *
 * @param maxBufferedDocs flush a segment after this many documents ({@link IndexWriterConfig#DISABLE_AUTO_FLUSH}: by RAM only)
 */
record IndexSettings(int commitEveryFiles, Duration commitInterval, double ramBufferMegabytes, int maxBufferedDocs) {

    static IndexSettings defaults() {
        return new IndexSettings(25, Duration.ofSeconds(10), 64, IndexWriterConfig.DISABLE_AUTO_FLUSH);
    }
}
