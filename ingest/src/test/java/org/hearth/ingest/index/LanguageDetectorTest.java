package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

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
}
