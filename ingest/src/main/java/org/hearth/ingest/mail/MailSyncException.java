package org.hearth.ingest.mail;

/**
 * Why a sync, a watcher or a keyword write stopped. The message names the server (and folder) but never the user, the password or anything
 * from a mail; {@link #kind()} is for code, the message for people.
 */
public final class MailSyncException extends Exception {

    public enum Kind {
        /** The server refused the user name or password. */
        AUTHENTICATION_FAILED,
        /** No connection: unknown host, refused, timed out. */
        UNREACHABLE,
        /** The server's certificate is not trusted or does not match the host. */
        CERTIFICATE_REJECTED,
        /** STARTTLS was required but the server does not offer it. */
        TLS_UNAVAILABLE,
        /** The folder does not exist. */
        FOLDER_NOT_FOUND,
        /** The connection broke mid-sync; messages delivered so far stay delivered, the next sync resumes. */
        CONNECTION_LOST,
        /** The consumer threw; that message was not delivered. */
        CONSUMER_FAILED,
        /** The folder's UIDVALIDITY is not the one the caller's UIDs belong to (it was recreated); nothing was changed. */
        UIDVALIDITY_CHANGED,
        /** The server does not let clients set their own keywords on this folder; nothing was changed. */
        KEYWORDS_UNSUPPORTED,
        /** Anything else the server or protocol did. */
        PROTOCOL
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    MailSyncException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
