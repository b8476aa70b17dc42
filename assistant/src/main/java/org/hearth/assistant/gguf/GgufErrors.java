package org.hearth.assistant.gguf;

import java.nio.file.Path;
import java.util.Locale;

/** The user-facing wording of each failure, in one place so messages stay consistent. */
final class GgufErrors {

    private GgufErrors() {
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return "\"" + (name == null ? file : name) + "\"";
    }

    static GgufException notGguf(Path file) {
        return new GgufException(GgufException.Kind.NOT_GGUF, file,
                name(file) + " is not a GGUF model file. Hearth runs language models in the GGUF format (files ending in .gguf).");
    }

    static GgufException truncated(Path file, long size, String section) {
        return new GgufException(GgufException.Kind.TRUNCATED, file, String.format(Locale.ROOT,
                "%s is incomplete: it ends after %,d bytes, in the middle of its %s. "
                        + "The download was probably interrupted; please download the model again.",
                name(file), size, section));
    }

    static GgufException truncatedData(Path file, long size, long needed) {
        return new GgufException(GgufException.Kind.TRUNCATED, file, String.format(Locale.ROOT,
                "%s is incomplete: its weights need %,d bytes but the file has only %,d. "
                        + "The download was probably interrupted; please download the model again.",
                name(file), needed, size));
    }

    static GgufException unsupportedVersion(Path file, String version) {
        return new GgufException(GgufException.Kind.UNSUPPORTED_VERSION, file,
                name(file) + " uses GGUF " + version + ", which Hearth cannot read (it reads GGUF versions 2 and 3). "
                        + "Please use a current GGUF conversion of the model.");
    }

    static GgufException corrupt(Path file, String detail) {
        return new GgufException(GgufException.Kind.CORRUPT, file,
                name(file) + " is damaged and cannot be used: " + detail + ".");
    }
}
