package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenTextDecoderTest {

    private static String decode(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return TokenTextDecoder.decode(raw, raw.length);
    }

    @Test
    void aCharacterSplitAcrossTokensWaitsForItsLastByte() {
        byte[] frist = "Fü".getBytes(StandardCharsets.UTF_8); // F, 0xC3, 0xBC
        assertThat(TokenTextDecoder.completeUtf8Prefix(new byte[] {frist[0], frist[1]})).isEqualTo(1);
        assertThat(TokenTextDecoder.completeUtf8Prefix(frist)).isEqualTo(3);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertThat(TokenTextDecoder.completeUtf8Prefix(new byte[] {euro[0], euro[1]})).isZero();
    }

    @Test
    void wellFormedTextDecodesAsUtf8() {
        byte[] text = "Kündigungsfrist: 3 Monate, 1.000 € 🙂".getBytes(StandardCharsets.UTF_8);
        assertThat(TokenTextDecoder.decode(text, text.length)).isEqualTo("Kündigungsfrist: 3 Monate, 1.000 € 🙂");
    }

    @Test
    void bytesThatAreNoCharacterBecomeOneReplacementEach() {
        assertThat(decode(0x41, 0x80, 0x42)).isEqualTo("A\uFFFDB");        // lone continuation byte
        assertThat(decode(0xC3, 0x41)).isEqualTo("\uFFFDA");              // lead without continuation
        assertThat(decode(0xF8, 0x88, 0x80, 0x80)).startsWith("\uFFFD");   // beyond U+10FFFF
        assertThat(decode(0xED, 0xA0, 0x80)).startsWith("\uFFFD");         // a UTF-16 surrogate
    }

    @Test
    void overlongFormsCountAsTheOneCodePointLlamaCppsGrammarSawInThem() {
        assertThat(decode(0xC1, 0xBF)).isEqualTo("\u007F");
        assertThat(decode(0xE0, 0x81, 0x81)).isEqualTo("A");
    }
}
