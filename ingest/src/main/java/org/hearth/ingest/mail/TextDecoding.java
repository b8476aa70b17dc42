package org.hearth.ingest.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * Bytes of a text part to a string, whatever the label says: the declared charset if it decodes cleanly, else
 * strict UTF-8, else windows-1252 (which maps every byte). A fallback is reported, not thrown.
 */
final class TextDecoding {

    record Decoded(String text, Optional<String> problem) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static Decoded decode(byte[] bytes, String declaredCharset) {
        Optional<Charset> declared = charset(declaredCharset);
        if (declared.isPresent()) {
            Optional<String> text = strict(bytes, declared.get());
            if (text.isPresent()) {
                return new Decoded(text.get(), Optional.empty());
            }
        }
        boolean unlabelled = declaredCharset == null || declaredCharset.isBlank();
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), unlabelled || declared.isPresent() && isAscii(declared.get())
                    ? Optional.empty() : Optional.of(problem(declaredCharset, declared, "UTF-8")));
        }
        String text = new String(bytes, WINDOWS_1252);
        return new Decoded(text, unlabelled ? Optional.empty() : Optional.of(problem(declaredCharset, declared, "windows-1252")));
    }

    private static String problem(String label, Optional<Charset> declared, String used) {
        String safeLabel = label.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return declared.isPresent()
                ? "text does not match its charset " + safeLabel + "; read as " + used
                : "unknown charset " + safeLabel + "; read as " + used;
    }

    private static boolean isAscii(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII);
    }

    static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            String javaName = jakarta.mail.internet.MimeUtility.javaCharset(name.strip());
            return Optional.of(Charset.forName(javaName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException wrongCharset) {
            return Optional.empty();
        }
    }
}
