package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.domain.Language;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static final String FILLER = "Der Sachverhalt wird im Einzelnen wie folgt dargestellt. ";

    @Test
    void a_long_chunk_is_cut_around_the_match_between_words() {
        String text = FILLER.repeat(8) + "Die Kündigungsfrist beträgt drei Monate. " + FILLER.repeat(8);
        List<String> terms = List.copyOf(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Frist"));

        Snippets.Matches matches = Snippets.matches(text, Language.GERMAN, terms);
        Snippet snippet = Snippets.snippet(text, matches.spans());

        assertThat(snippet.text()).startsWith("…").endsWith("…");
        assertThat(snippet.text().length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
        assertThat(snippet.marked()).contains("Die «Kündigungsfrist» beträgt");
        assertThat(snippet.text().substring(1, snippet.text().length() - 1)).isEqualTo(snippet.text().substring(1, snippet.text().length() - 1).strip());
    }

    @Test
    void a_short_chunk_is_shown_whole_with_line_breaks_as_spaces_and_every_match_marked() {
        String text = "Miete und Nebenkosten\n\nDie Miete ist am dritten Werktag fällig.";
        List<String> terms = List.copyOf(TextAnalysis.terms(TextAnalysis.GERMAN_QUERY, "Mieten"));

        Snippets.Matches matches = Snippets.matches(text, Language.GERMAN, terms);

        assertThat(Snippets.snippet(text, matches.spans()).marked())
                .isEqualTo("«Miete» und Nebenkosten  Die «Miete» ist am dritten Werktag fällig.");
        assertThat(matches.coverage()).isEqualTo(1.0);
    }

    @Test
    void coverage_is_the_share_of_query_words_found() {
        List<String> terms = List.copyOf(TextAnalysis.terms(TextAnalysis.ENGLISH, "notice period landlord"));

        assertThat(Snippets.matches("The notice periods are long.", Language.ENGLISH, terms).coverage()).isEqualTo(2.0 / 3);
    }
}
