package org.hearth.assistant.gguf;

import java.nio.file.Path;

/** A model file Hearth cannot use; the message says why in words meant for the user. */
public final class GgufException extends Exception {

    public enum Kind {
        /** The file could not be opened or read at all. */
        UNREADABLE,
        /** Not a GGUF file: wrong signature, or too short to hold one. */
        NOT_GGUF,
        /** A GGUF file that ends early, typically an interrupted download. */
        TRUNCATED,
        /** A GGUF version (or byte order) this reader does not understand. */
        UNSUPPORTED_VERSION,
        /** A readable model whose architecture Hearth's runtime cannot run. */
        UNKNOWN_ARCHITECTURE,
        /** A model without a tokenizer vocabulary, which cannot turn text into tokens. */
        NO_VOCABULARY,
        /** Structurally invalid: impossible counts, lengths, types or offsets. */
        CORRUPT
    }

    private final Kind kind;
    private final Path file;

    GgufException(Kind kind, Path file, String message) {
        super(message);
        this.kind = kind;
        this.file = file;
    }

    GgufException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }
}
