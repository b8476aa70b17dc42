package org.hearth.domain;

import java.util.Objects;

/**
 * Where a piece of text stands in its document: a page range of a PDF or a paragraph range of the other formats,
 * 1-based and inclusive. Reading, the index, summaries and the UI's citations all speak of the same places.
 */
public record Locator(Unit unit, int from, int to) {

    public enum Unit { PAGE, PARAGRAPH }

    public Locator {
        Objects.requireNonNull(unit, "unit");
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("A locator needs 1 <= from <= to, was " + from + ".." + to);
        }
    }

    public static Locator page(int number) {
        return new Locator(Unit.PAGE, number, number);
    }

    public static Locator paragraph(int number) {
        return new Locator(Unit.PARAGRAPH, number, number);
    }
}
