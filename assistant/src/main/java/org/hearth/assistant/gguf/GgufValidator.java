package org.hearth.assistant.gguf;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decides whether Hearth's runtime can run a model, before libllama sees it: libllama rejects unknown
 * architectures only after opening the file, and a model declaring the tokenizer "no_vocab" loads but
 * then aborts the whole process on the first tokenizer call.
 */
public final class GgufValidator {

    /** What a runnable model is used for. */
    public enum Role { CHAT, EMBEDDING }

    /** Architectures verified to load and run with the bundled libllama, with their role in Hearth. */
    private static final Map<String, Role> SUPPORTED = Map.of(
            "qwen35", Role.CHAT,
            "qwen3", Role.EMBEDDING);

    private GgufValidator() {
    }

    /** Reads {@code file} and checks it; returns the role it can play. */
    public static Role check(Path file) throws GgufException {
        return requireRunnable(GgufReader.read(file));
    }

    public static Role requireRunnable(GgufInfo info) throws GgufException {
        Role role = SUPPORTED.get(info.architecture());
        if (role == null) {
            throw new GgufException(GgufException.Kind.UNKNOWN_ARCHITECTURE, info.file(),
                    GgufErrors.name(info.file()) + " contains a model of type \"" + info.architecture()
                            + "\", which Hearth cannot run. Hearth runs Qwen3.5 chat models (qwen35) "
                            + "and Qwen3 embedding models (qwen3).");
        }
        if (!hasVocabulary(info)) {
            throw new GgufException(GgufException.Kind.NO_VOCABULARY, info.file(),
                    GgufErrors.name(info.file()) + " contains no tokenizer vocabulary, so it cannot read or write text. "
                            + "Please use a complete GGUF conversion of the model.");
        }
        return role;
    }

    private static boolean hasVocabulary(GgufInfo info) {
        String tokenizer = info.string("tokenizer.ggml.model").orElse("");
        boolean declaresNone = tokenizer.isEmpty() || tokenizer.equals("no_vocab") || tokenizer.equals("none");
        return !declaresNone && info.vocabularySize() > 0;
    }
}
