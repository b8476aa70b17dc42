package org.hearth.assistant.engine.remote;

import java.time.Duration;
import java.util.Optional;
import org.hearth.assistant.engine.EngineException;

/** A remote server could not answer, with what kind of trouble it was so a caller can react (retry, ask for a key). */
public final class RemoteEngineException extends EngineException {

    public enum Kind {
        /** No connection: wrong host or port, server down, firewall. */
        UNREACHABLE,
        /** 401 or 403: the API key is missing or wrong. */
        UNAUTHORIZED,
        /** 404: the server does not know the model (or is no chat-completions server). */
        MODEL_NOT_FOUND,
        /** 429: busy; {@link #retryAfter()} says when to try again if the server said so. */
        RATE_LIMITED,
        /** Another 4xx: the server refused the request. */
        REJECTED,
        /** 5xx, or an error event within the stream. */
        SERVER_ERROR,
        /** No headers or no next piece of the stream within the read timeout. */
        TIMEOUT,
        /** The stream ended or broke before the answer was complete. */
        CUT_OFF,
        /** The reply is not an event stream of chat-completion JSON. */
        MALFORMED_REPLY
    }

    private final Kind kind;
    private final Duration retryAfter;

    RemoteEngineException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    RemoteEngineException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long a rate-limited server asked the client to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
