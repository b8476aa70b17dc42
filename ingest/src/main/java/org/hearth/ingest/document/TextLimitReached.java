package org.hearth.ingest.document;

import java.util.Locale;
import org.hearth.domain.Locator;

/**
 * A document whose text passed the most Hearth takes from one file: only the text up to
 * {@code lastRead} (a page of a PDF, else a paragraph) was read, the rest was left out.
 *
 * @param lastRead      the last page or paragraph that contributed text, perhaps only its beginning
 * @param total         the document's page count; 0 when the format has no pages or the count is unknown
 * @param maxCharacters the limit that was reached
 */
public record TextLimitReached(Locator.Unit unit, int lastRead, int total, int maxCharacters) {

    public TextLimitReached {
        if (lastRead < 0 || total < 0 || maxCharacters <= 0) {
            throw new IllegalArgumentException("out of range: " + lastRead + ", " + total + ", " + maxCharacters);
        }
    }

    /** For the CLI and the logs; the window words it from its resource bundles. */
    public String describe() {
        String part = unit == Locator.Unit.PAGE
                ? "the text up to page " + lastRead + (total > 0 ? " of " + total : "")
                : "the text up to paragraph " + lastRead;
        return String.format(Locale.ROOT, "Only %s was read: the rest was left out because Hearth takes at most %,d characters from one document",
                part, maxCharacters);
    }
}
