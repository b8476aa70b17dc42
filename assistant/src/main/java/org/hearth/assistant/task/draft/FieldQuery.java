package org.hearth.assistant.task.draft;

import java.util.Objects;

/**
 * A field to fill, as the template names and describes it.
 *
 * @param description what the firm wrote about the field, or empty; it also shows how dates are written there
 */
public record FieldQuery(String name, String description) {

    public FieldQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A field needs a name");
        }
    }
}
