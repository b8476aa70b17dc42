package org.hearth.assistant.route.anonymise;

/**
 * A value the job knows to be client data before reading the text: a mail's sender and recipients, the account's
 * owner, the names on a document's letterhead, what a local model pass found.
 */
public record KnownEntity(EntityType type, String value) {

    public KnownEntity {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a known entity needs a value");
        }
        value = value.strip();
    }
}
