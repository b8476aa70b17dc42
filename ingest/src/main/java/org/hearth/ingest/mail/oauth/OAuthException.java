package org.hearth.ingest.mail.oauth;

/**
 * Why a sign-in or a token refresh did not give tokens. The message names the provider's host at most, never a
 * token, a code, a client secret or the user's address; {@link #kind()} is for code, the message for people.
 */
public final class OAuthException extends Exception {

    public enum Kind {
        /** The caller cancelled while Hearth waited for the browser. */
        CANCELLED,
        /** The user declined in the browser. */
        DENIED,
        /** No answer from the browser in time. */
        TIMED_OUT,
        /** The refresh token (or code) was revoked or has expired: the user must sign in again. */
        INVALID_GRANT,
        /** The token endpoint could not be reached, timed out or answered with a server error; try again later. */
        UNREACHABLE,
        /** The system browser could not be opened. */
        NO_BROWSER,
        /** Anything else the server or the redirect did that OAuth does not allow, or a refused client. */
        PROTOCOL
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    OAuthException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    OAuthException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
