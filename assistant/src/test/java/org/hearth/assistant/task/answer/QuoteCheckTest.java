package org.hearth.assistant.task.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteCheckTest {

    private static final String PAGE = """
            § 4 Kündigung
            (1) Das Mietverhältnis kann von beiden Parteien mit einer Frist von drei
            Monaten zum Quartalsende gekündigt werden.
            (2) Die Kündigung bedarf der Schriftform; maßgeblich ist der Zugang beim
            Vertragspartner. Der Vermieter ist zur außerordentlichen Kündi-
            gung berechtigt, wenn der Mieter mit zwei Monatsmieten in Verzug ist.
            (3) Für die Räume gilt die „Hausordnung vom 1. März 2024“ – Anlage 2.\
            """;

    @Test
    void aVerbatimQuoteMatchesAcrossLineBreaksAndExtraSpaces() {
        assertThat(QuoteCheck.verify("mit einer Frist von drei Monaten zum Quartalsende gekündigt werden", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("mit  einer Frist von drei\n\tMonaten\u00A0zum Quartalsende", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("  Die Kündigung bedarf der Schriftform; maßgeblich ist der Zugang beim Vertragspartner.  ", PAGE)).isTrue();
    }

    @Test
    void framingQuotationMarksAndClosingPunctuationAreForgiven() {
        assertThat(QuoteCheck.verify("„Das Mietverhältnis kann von beiden Parteien …“", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("\"...mit zwei Monatsmieten in Verzug ist.\"", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("drei Monaten zum Quartalsende.", PAGE)).isTrue();
    }

    @Test
    void typographicQuotesDashesLigaturesAndHyphenatedLineBreaksCountAsTheSameText() {
        assertThat(QuoteCheck.verify("die \"Hausordnung vom 1. März 2024\" - Anlage 2", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("zur außerordentlichen Kündigung berechtigt", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("zur außerordentlichen Kündi- gung berechtigt", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("the definition of filing", "under the de\uFB01nition of \uFB01ling rules")).isTrue();
        // a decomposed ü (u + combining diaeresis), as some PDF text layers store it
        assertThat(QuoteCheck.verify("zur außerordentlichen Ku\u0308ndi-", PAGE)).isTrue();
    }

    @Test
    void anAlteredOrFabricatedQuoteFails() {
        assertThat(QuoteCheck.verify("mit einer Frist von vier Monaten zum Quartalsende", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("mit einer Frist von drei Monaten zum Monatsende", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("Der Mieter darf jederzeit fristlos kündigen.", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("das mietverhältnis kann von beiden parteien", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("Das Mietverhältnis kann … gekündigt werden", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("Kündigungsfrist von drei Monaten", PAGE)).isFalse();
    }

    @Test
    void shortEmptyOrMissingQuotesAreNotVerified() {
        assertThat(QuoteCheck.verify("Schriftform", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("der Schriftform", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("bedarf der Schriftform", PAGE)).isTrue();
        assertThat(QuoteCheck.verify("", PAGE)).isFalse();
        assertThat(QuoteCheck.verify(" \n ", PAGE)).isFalse();
        assertThat(QuoteCheck.verify("„…“", PAGE)).isFalse();
        assertThat(QuoteCheck.verify(null, PAGE)).isFalse();
        assertThat(QuoteCheck.verify("bedarf der Schriftform", null)).isFalse();
    }
}
