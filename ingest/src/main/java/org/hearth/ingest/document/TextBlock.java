package org.hearth.ingest.document;

import java.util.Objects;
import org.hearth.domain.Locator;

/**
 * A piece of a document's text with where it comes from.
 *
 * @param ocr the text was recognised in an image of the page (a scan), so it may differ from the
 *            paper in a letter or two; a quote from it is checked against this text, not the paper
 */
public record TextBlock(String text, Locator locator, BlockKind kind, boolean ocr) {

    public TextBlock {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(kind, "kind");
    }

    /** Text the file holds as text. */
    public TextBlock(String text, Locator locator, BlockKind kind) {
        this(text, locator, kind, false);
    }
}
