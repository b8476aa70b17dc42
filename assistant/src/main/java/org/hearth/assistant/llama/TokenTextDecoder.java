package org.hearth.assistant.llama;

import java.io.ByteArrayOutputStream;

/**
 * Turns a stream of tokens into text as it is generated. Byte-level tokens can split a UTF-8
 * character (an umlaut is two bytes), so bytes of an unfinished character wait for the next token
 * instead of showing as a replacement character. Not thread-safe: one per generation.
 *
 * <p>Bytes are decoded the way llama.cpp's grammar decodes them (a lead byte and its continuation
 * bytes give one code point, overlong forms included), so text written under a grammar has exactly
 * the characters the grammar counted; what is no character at all becomes U+FFFD.
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
        return decode(bytes, complete);
    }

    /** Whatever is left at the end; an unfinished character becomes U+FFFD. */
    public String finish() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return decode(rest, rest.length);
    }

    static String decode(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int lead = bytes[i] & 0xFF;
            int size = sequenceLength(lead);
            if (size == 1) {
                text.append((char) lead);
                i++;
                continue;
            }
            int codePoint = size == 0 || i + size > length ? -1 : lead & ((1 << (8 - size)) - 1);
            for (int k = 1; codePoint >= 0 && k < size; k++) {
                int next = bytes[i + k] & 0xFF;
                codePoint = (next & 0xC0) == 0x80 ? (codePoint << 6) | (next & 0x3F) : -1;
            }
            if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                text.append('\uFFFD');
                i++;
            } else {
                text.appendCodePoint(codePoint);
                i += size;
            }
        }
        return text.toString();
    }

    /** Bytes in the sequence a lead byte starts, as llama.cpp counts them; 0 for a continuation byte. */
    private static int sequenceLength(int lead) {
        return lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
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
