package org.hearth.assistant.route.anonymise;

/**
 * The anonymiser refuses to let a text go, or to hand back an answer: a known value is still in the outgoing text,
 * or the answer holds a placeholder nobody issued. The message names the kind of data, never the data.
 */
public final class AnonymisationException extends Exception {

    public AnonymisationException(String message) {
        super(message);
    }
}
