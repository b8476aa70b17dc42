package org.hearth.assistant.engine.remote;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hearth.assistant.engine.Message;

/**
 * Token counts without the server's tokenizer: one token per 3.5 bytes of UTF-8, rounded up. BPE vocabularies
 * like Qwen's average about 4 bytes per token on English and German prose, so this overestimates a little and
 * budgets planned with it keep a margin; on digits and rare scripts (fewer bytes per token) it can undercount,
 * which the context length's own slack and the server's error for an over-long prompt catch.
 */
final class TokenEstimate {

    private static final double BYTES_PER_TOKEN = 3.5;
    /** Role markers and separators a chat template puts around each message (Qwen's is 5 tokens). */
    private static final int PER_MESSAGE = 6;
    /** The opening of the assistant's turn. */
    private static final int ASSISTANT_START = 3;

    private TokenEstimate() {
    }

    static int count(String text) {
        return tokens(text.getBytes(StandardCharsets.UTF_8).length);
    }

    static int count(List<Message> conversation, boolean assistantStart) {
        int tokens = assistantStart ? ASSISTANT_START : 0;
        for (Message message : conversation) {
            tokens += PER_MESSAGE + count(message.content());
        }
        return tokens;
    }

    /** {@code text} if its estimate fits {@code budget}, else its longest beginning that fits with {@code marker}. */
    static String cut(String text, int budget, String marker) {
        if (count(text) <= budget) {
            return text;
        }
        long keepBytes = (long) Math.floor(Math.max(0, budget - count(marker)) * BYTES_PER_TOKEN);
        int end = 0;
        long used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            used += utf8Length(codePoint);
            if (used > keepBytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + marker;
    }

    private static int tokens(long bytes) {
        return (int) Math.ceil(bytes / BYTES_PER_TOKEN);
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
