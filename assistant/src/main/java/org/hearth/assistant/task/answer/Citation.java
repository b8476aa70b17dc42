package org.hearth.assistant.task.answer;

import java.util.Objects;

/**
 * A source the answer rests on, with the words the model says it took from there. The number is
 * one of the sources the model was given (the grammar offers no other); the quote is only the
 * model's claim until {@link QuoteCheck#verify} finds it in the source's text.
 */
public record Citation(int n, String quote) {

    public Citation {
        Objects.requireNonNull(quote, "quote");
    }
}
