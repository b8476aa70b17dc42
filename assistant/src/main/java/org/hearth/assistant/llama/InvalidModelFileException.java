package org.hearth.assistant.llama;

import org.hearth.assistant.gguf.GgufException;

/** A model file refused before it reached llama.cpp; {@link #kind()} says why. */
public class InvalidModelFileException extends LlamaException {

    private final GgufException.Kind kind;

    public InvalidModelFileException(GgufException cause) {
        super(cause.getMessage(), cause);
        this.kind = cause.kind();
    }

    public GgufException.Kind kind() {
        return kind;
    }
}
