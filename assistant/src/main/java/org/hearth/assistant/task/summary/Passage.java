package org.hearth.assistant.task.summary;

import java.util.Objects;
import org.hearth.domain.Locator;

/** A piece of a document's text with the place it came from, e.g. one page or one paragraph. */
public record Passage(String text, Locator locator) {

    public Passage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locator, "locator");
    }
}
