package org.hearth.assistant.task.triage;

import java.util.Objects;

/**
 * A label the user corrected, shown to the model in the system prompt as an example for later
 * mails.
 *
 * @param excerpt  a short excerpt of the mail (e.g. sender and subject), shortened further in the prompt
 */
public record TriageExample(String excerpt, TriageCategory category, int priority) {

    public TriageExample {
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(category, "category");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1–5, was " + priority);
        }
    }
}
