package org.hearth.assistant.llama;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of tokens into text as it is generated. Byte-level tokens can split a UTF-8
 * character (an umlaut is two bytes), so bytes of an unfinished character wait for the next token
 * instead of showing as a replacement character. Not thread-safe: one per generation.
 */
public final class TokenTextDecoder {

    private final LlamaModel model;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public TokenTextDecoder(LlamaModel model) {
        this.model = model;
    }

    /** The text that became complete with this token; empty while a character is unfinished. */
    public String next(int token) {
        pending.writeBytes(model.tokenBytes(token));
        byte[] bytes = pending.toByteArray();
        int complete = completeUtf8Prefix(bytes);
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        return new String(bytes, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is left at the end; an unfinished character becomes U+FFFD. */
    public String finish() {
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    /** Length of the longest prefix that does not end inside a multi-byte character. */
    static int completeUtf8Prefix(byte[] bytes) {
        int end = bytes.length;
        // look back at most 3 bytes for the lead byte of the last character
        for (int i = end - 1; i >= Math.max(0, end - 4); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return (end - i) >= needed ? end : i;
        }
        return end;
    }
}
