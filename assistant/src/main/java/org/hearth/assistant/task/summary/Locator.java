package org.hearth.assistant.task.summary;

import java.util.Objects;

/**
 * Where a passage stands in its document: a page range (PDF) or a paragraph range (DOCX),
 * 1-based and inclusive.
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
