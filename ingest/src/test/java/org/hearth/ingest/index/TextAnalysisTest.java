package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The analysis itself; {@link LanguageSearchTest} shows the same cases end to end through a search. */
class TextAnalysisTest {

    @Test
    void german_plural_umlaut_spelling_and_singular_are_one_term() {
        assertThat(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Kündigungsfristen"))
                .isEqualTo(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Kündigungsfrist"))
                .isEqualTo(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Kuendigungsfrist"))
                .hasSize(1);
    }

    @Test
    void german_compounds_are_indexed_with_their_parts_but_queried_whole() {
        assertThat(TextAnalysis.terms(TextAnalysis.GERMAN_INDEX, "Kündigungsfrist"))
                .containsAll(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Kündigung"))
                .containsAll(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Frist"));
        assertThat(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Kündigungsfrist"))
                .doesNotContainAnyElementsOf(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Frist"));
    }

    @Test
    void word_parts_hidden_in_unrelated_words_are_not_split_off() {
        assertThat(TextAnalysis.terms(TextAnalysis.GERMAN_INDEX, "Gewerbe Fahrzeuge Kontakte"))
                .doesNotContainAnyElementsOf(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Erbe Zeuge Akte"));
    }

    @Test
    void german_stop_words_are_not_terms() {
        assertThat(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "die der und Frist")).isEqualTo(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Frist"));
    }

    @Test
    void english_plurals_and_inflections_are_one_term() {
        assertThat(TextAnalysis.terms(TextAnalysis.ENGLISH, "notice periods")).isEqualTo(TextAnalysis.terms(TextAnalysis.ENGLISH, "notice period"));
        assertThat(TextAnalysis.terms(TextAnalysis.ENGLISH, "terminated")).isEqualTo(TextAnalysis.terms(TextAnalysis.ENGLISH, "termination"));
        assertThat(TextAnalysis.terms(TextAnalysis.ENGLISH, "the tenant's")).isEqualTo(TextAnalysis.terms(TextAnalysis.ENGLISH, "tenant"));
    }
}
