package org.hearth.assistant.llama;

/** A failure reported by llama.cpp or by the binding, with a message meant for people. */
public class LlamaException extends RuntimeException {

    public LlamaException(String message) {
        super(message);
    }

    public LlamaException(String message, Throwable cause) {
        super(message, cause);
    }
}
