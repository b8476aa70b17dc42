package org.hearth.assistant.llama;

/** The tokens of a job no longer fit the context; the job must split its input or start over. */
public class ContextFullException extends LlamaException {

    public ContextFullException(String message) {
        super(message);
    }
}
