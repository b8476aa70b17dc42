package org.hearth.assistant.model;

/** Why a model file the user picked could not be added, with a message meant for that user. */
public final class ModelImportException extends Exception {

    public enum Reason {
        /** Not a GGUF model Hearth can run; the message says what is wrong with it. */
        NOT_USABLE,
        /** The models folder already holds a file of that name. */
        ALREADY_PRESENT,
        /** The disk of the models folder has too little room for a copy. */
        NOT_ENOUGH_DISK,
        /** Copying, moving or reading failed. */
        FILE_SYSTEM
    }

    private final Reason reason;

    public ModelImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelImportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
