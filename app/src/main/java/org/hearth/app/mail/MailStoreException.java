package org.hearth.app.mail;

/** The mail database could not be read or written; the message names the database, never mail content. */
public final class MailStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MailStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
