package org.hearth.assistant.engine;

/** A model could not do a task's work, with a message meant for people. */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
