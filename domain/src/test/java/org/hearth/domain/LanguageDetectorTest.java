package org.hearth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void german_text_is_german() {
        assertThat(LanguageDetector.detect("Die Kündigungsfrist beträgt drei Monate zum Ende des Quartals, und sie ist schriftlich zu erklären."))
                .isEqualTo(Language.GERMAN);
    }

    @Test
    void english_text_is_english() {
        assertThat(LanguageDetector.detect("The tenant shall pay the rent on the third working day of each month and any arrears with interest."))
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void an_english_document_quoting_german_terms_stays_english() {
        assertThat(LanguageDetector.detect("The notice of termination (Kündigung) was served by the landlord (Vermieter) on the tenant, "
                + "which is the date from which the notice period runs under the lease."))
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void text_without_function_words_counts_as_german() {
        assertThat(LanguageDetector.detect("Aktenzeichen 12 C 345/26")).isEqualTo(Language.GERMAN);
    }

    @Test
    void a_document_in_pages_is_detected_from_its_pages() {
        List<String> german = List.of("Der Kläger verlangt von der Beklagten die Zahlung der Miete, die seit März offen ist.",
                "Die Frist zur Stellungnahme wird auf zwei Wochen bestimmt.");
        List<String> english = List.of("The tenant shall pay the rent in advance and is liable for any damage to the premises.",
                "This agreement is governed by the law of England and Wales.");

        assertThat(LanguageDetector.detect(german)).isEqualTo(Language.GERMAN);
        assertThat(LanguageDetector.detect(english)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void a_document_in_pages_is_sampled_up_to_its_last_page() {
        // the pages before hold no function word: only a sample that reaches the last page can tell
        List<String> pages = new java.util.ArrayList<>(java.util.Collections.nCopies(100, "Aktenzeichen 12 C 345/26"));
        pages.set(99, "The tenant shall pay the rent and any arrears with interest.");

        assertThat(LanguageDetector.detect(pages)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void an_english_question_is_known_by_its_first_word_a_german_one_by_its_function_words() {
        assertThat(LanguageDetector.ofQuestion("What notice period applies?")).isEqualTo(Language.ENGLISH);
        assertThat(LanguageDetector.ofQuestion("Which clause governs termination")).isEqualTo(Language.ENGLISH);
        assertThat(LanguageDetector.ofQuestion("Is the landlord allowed to keep the deposit?")).isEqualTo(Language.ENGLISH);
        assertThat(LanguageDetector.ofQuestion("  „How long is the notice period?“")).isEqualTo(Language.ENGLISH);
        assertThat(LanguageDetector.ofQuestion("Gibt es eine Vertragsstrafe?")).isEqualTo(Language.GERMAN);
        assertThat(LanguageDetector.ofQuestion("Was steht zur Kaution im Vertrag?")).isEqualTo(Language.GERMAN);
    }
}
