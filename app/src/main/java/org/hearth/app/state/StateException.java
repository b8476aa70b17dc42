package org.hearth.app.state;

/** {@code hearth.db} could not be opened, read or written; the message names the database, never its content. */
public final class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
