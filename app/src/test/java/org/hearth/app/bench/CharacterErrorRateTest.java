package org.hearth.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CharacterErrorRateTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletionsOverTheReferenceLength() {
        // "Strasse" for "Straße": ß read as s, one s added
        assertThat(CharacterErrorRate.edits("Strasse", "Straße")).isEqualTo(2);
        assertThat(CharacterErrorRate.of("Strasse", "Straße")).isCloseTo(2 / 6.0, within(1e-9));
        // one letter lost, one changed
        assertThat(CharacterErrorRate.edits("Mietvetrag vom 3. Mal", "Mietvertrag vom 3. Mai")).isEqualTo(2);
        assertThat(CharacterErrorRate.of("", "abcd")).isEqualTo(1.0);
    }

    @Test
    void lineBreaksAndIndentationAreLayoutNotErrors() {
        assertThat(CharacterErrorRate.of("Sehr geehrte\n  Frau Müller,\n\n", "Sehr geehrte Frau Müller,")).isZero();
        assertThat(CharacterErrorRate.length("  a \n\n b  ")).isEqualTo(3);
    }
}
