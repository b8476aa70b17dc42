package org.hearth.ingest.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Headers written as raw UTF-8 (RFC 6532, common from newer mail programs) reach Jakarta Mail byte by byte as
 * ISO-8859-1 characters, so "München" arrives as "MÃ¼nchen". A header is read again as UTF-8 only when all its
 * characters are single bytes and those bytes are valid UTF-8, which Latin-1 text practically never is.
 */
final class RawUtf8Header {

    private RawUtf8Header() {
    }

    static String repair(String header) {
        if (header == null || header.chars().noneMatch(c -> c >= 0x80) || header.chars().anyMatch(c -> c > 0xFF)) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return header; // real Latin-1 text, already right
        }
    }
}
