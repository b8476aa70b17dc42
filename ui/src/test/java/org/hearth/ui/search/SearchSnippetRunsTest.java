package org.hearth.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.ui.search.SnippetRuns.Run;
import org.hearth.ui.service.SearchService.Highlight;
import org.junit.jupiter.api.Test;

/** The service's highlight ranges become plain and matching runs, whatever order or overlap they come in. */
class SearchSnippetRunsTest {

    private static final String SNIPPET = "Die Kündigungsfrist beträgt drei Monate.";

    @Test
    void ranges_become_runs_in_text_order() {
        assertThat(SnippetRuns.of(SNIPPET, List.of(new Highlight(28, 39), new Highlight(4, 19)))).containsExactly(
                new Run("Die ", false), new Run("Kündigungsfrist", true), new Run(" beträgt ", false),
                new Run("drei Monate", true), new Run(".", false));
    }

    @Test
    void overlapping_and_touching_ranges_merge_into_one_match() {
        assertThat(SnippetRuns.of(SNIPPET, List.of(new Highlight(4, 12), new Highlight(10, 19), new Highlight(19, 27))))
                .containsExactly(new Run("Die ", false), new Run("Kündigungsfrist beträgt", true),
                        new Run(" drei Monate.", false));
    }

    @Test
    void ranges_outside_the_snippet_are_clipped_and_empty_ones_dropped() {
        assertThat(SnippetRuns.of("Frist", List.of(new Highlight(-3, 2), new Highlight(4, 99), new Highlight(3, 3))))
                .containsExactly(new Run("Fr", true), new Run("is", false), new Run("t", true));
    }

    @Test
    void no_ranges_leave_the_snippet_plain() {
        assertThat(SnippetRuns.of(SNIPPET, List.of())).containsExactly(new Run(SNIPPET, false));
    }
}
