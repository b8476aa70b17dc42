package org.hearth.assistant.task.answer;

import java.util.Objects;

/**
 * A passage found by search, as the model sees it.
 *
 * @param n     the number the answer cites it by, e.g. [3]; unique within one question
 * @param label where it comes from, shown to the model and the user, e.g. "Vertrag_Mueller.pdf, S. 4"
 * @param text  the passage as stored; quotes are verified against this text
 */
public record Source(int n, String label, String text) {

    public Source {
        if (n < 1) {
            throw new IllegalArgumentException("A source number must be positive, was " + n);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
