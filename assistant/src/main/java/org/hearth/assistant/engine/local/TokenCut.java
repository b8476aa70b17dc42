package org.hearth.assistant.engine.local;

import java.util.Arrays;
import org.hearth.assistant.llama.LlamaModel;

/** Cuts a text to a token budget, so e.g. a 40-page mail still leaves room for the answer. */
final class TokenCut {

    /** Tokenization at the cut may merge differently than in the whole text; this absorbs it. */
    private static final int SLACK = 8;

    private TokenCut() {
    }

    /** The text if it fits in {@code budget} tokens, else its beginning followed by {@code marker}. */
    static String cut(LlamaModel model, String text, int budget, String marker) {
        int[] tokens = model.tokenize(text, false, false);
        if (tokens.length <= budget) {
            return text;
        }
        int keep = Math.max(0, budget - model.tokenize(marker, false, false).length - SLACK);
        String head = model.detokenize(Arrays.copyOf(tokens, keep));
        // a cut inside a multi-byte character leaves a replacement character behind
        while (!head.isEmpty() && head.charAt(head.length() - 1) == '\uFFFD') {
            head = head.substring(0, head.length() - 1);
        }
        return head + marker;
    }
}
