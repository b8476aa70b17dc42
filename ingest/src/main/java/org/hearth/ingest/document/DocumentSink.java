package org.hearth.ingest.document;

/**
 * Where a format reader puts what it finds, in reading order. In-process it is a list; in the
 * worker process it is the framing on stdout, so pages reach the app while later pages are parsed.
 */
interface DocumentSink {

    void metadata(String key, String value);

    void block(TextBlock block);

    void pages(int done, int total);

    /** The document's text passed the limit; nothing follows but the end of the document. */
    void limitReached(TextLimitReached reached);

    /** Metadata with blank values is not worth sending. */
    default void metadataIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata(key, value.strip());
        }
    }
}
