package org.hearth.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.ui.search.CitedText.Mark;
import org.hearth.ui.search.CitedText.Plain;
import org.junit.jupiter.api.Test;

/** Citation marks in an answer are found, one per cited number, and the words around them are kept. */
class SearchCitedTextTest {

    @Test
    void each_number_in_a_mark_is_a_citation_and_the_words_stay_in_order() {
        assertThat(CitedText.parse("Drei Monate [1]; bei Anlagen sechs [2, 3]. Ende[4;5]"))
                .containsExactly(new Plain("Drei Monate "), new Mark(1), new Plain("; bei Anlagen sechs "),
                        new Mark(2), new Mark(3), new Plain(". Ende"), new Mark(4), new Mark(5));
    }

    @Test
    void brackets_that_are_not_citations_stay_text() {
        assertThat(CitedText.parse("§ 573c [Abs. 1] BGB und [1"))
                .containsExactly(new Plain("§ 573c [Abs. 1] BGB und [1"));
    }

    @Test
    void an_empty_answer_has_no_parts() {
        assertThat(CitedText.parse("")).isEmpty();
    }
}
