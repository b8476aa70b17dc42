package org.hearth.assistant.route.egress;

/** The egress log could not be written or read; a request that cannot be logged is not sent. */
public final class EgressLogException extends Exception {

    public EgressLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public EgressLogException(String message) {
        super(message);
    }
}
