package org.hearth.assistant.engine;

/** A prompt and its answer do not fit what the engine can take in one request. */
public class PromptTooLongException extends EngineException {

    public PromptTooLongException(String message) {
        super(message);
    }

    public PromptTooLongException(String message, Throwable cause) {
        super(message, cause);
    }
}
