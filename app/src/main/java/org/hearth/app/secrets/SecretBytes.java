package org.hearth.app.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 between {@code char[]} and {@code byte[]} without a {@code String} in between, wiping the buffers the
 * conversion used, so a secret leaves as few copies on the heap as Java allows.
 */
final class SecretBytes {

    private SecretBytes() {
    }

    /** @throws IllegalArgumentException for a lone surrogate: not text, so no keychain would give it back */
    static byte[] utf8(char[] secret) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(secret));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the secret is not valid Unicode text");
        }
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    /** The text of {@code bytes[0..length)}, or {@code null} if it is not UTF-8. */
    static char[] fromUtf8(byte[] bytes, int length) {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            return null;
        }
        char[] chars = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return chars;
    }
}
