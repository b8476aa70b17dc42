package org.hearth.ingest.index;

/** Paragraphs {@code first} to {@code last} of a document, 1-based and inclusive, as the readers number them. */
public record ParagraphRange(int first, int last) {

    public ParagraphRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("paragraph range must be 1-based and ascending: " + first + ".." + last);
        }
    }
}
