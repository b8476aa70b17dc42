package org.hearth.ingest.document;

/** Where a block of text comes from: pages of a PDF or paragraphs of the other formats, 1-based and inclusive. */
public record Locator(Unit unit, int from, int to) {

    public enum Unit { PAGE, PARAGRAPH }

    public Locator {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("locator range must be 1-based and ascending: " + from + ".." + to);
        }
    }

    public static Locator page(int page) {
        return new Locator(Unit.PAGE, page, page);
    }

    public static Locator paragraph(int paragraph) {
        return new Locator(Unit.PARAGRAPH, paragraph, paragraph);
    }
}
