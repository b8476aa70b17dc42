package org.hearth.ingest.document;

import java.util.Objects;
import org.hearth.domain.Locator;

/** A piece of a document's text with where it comes from. */
public record TextBlock(String text, Locator locator, BlockKind kind) {

    public TextBlock {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(kind, "kind");
    }
}
