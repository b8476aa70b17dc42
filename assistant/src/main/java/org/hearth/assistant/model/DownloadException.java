package org.hearth.assistant.model;

/** Why a download did not finish, with a message meant for the person who started it. */
public final class DownloadException extends Exception {

    /** What went wrong, for code that reacts differently (offer "resume", "free disk space", "try again"). */
    public enum Reason {
        /** The user cancelled or paused; the partial file is kept for resuming. */
        CANCELLED,
        /** The disk has less room than the rest of the file needs; nothing was downloaded. */
        NOT_ENOUGH_DISK,
        /** The connection failed or broke off; the partial file is kept for resuming. */
        NETWORK,
        /** The hub answered, but not with what a download needs (missing file, no checksum, an error status). */
        HUB_ANSWER,
        /** The finished file's SHA-256 differs from the one the hub publishes; the file was deleted. */
        CHECKSUM_MISMATCH,
        /** Reading or writing the models folder failed. */
        FILE_SYSTEM
    }

    private final Reason reason;

    public DownloadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
