package org.hearth.ui.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * A summary kept from an earlier run, as the Documents list shows it again.
 *
 * @param id       what {@link SummaryService#deleteStoredSummary} forgets it by
 * @param language the summary's language; empty only for a partial one whose language was left to the document
 * @param partial  cancelled: the text stops where the user cancelled, and it has no citations of its own
 * @param source   whether the summarised file is still as it was when it was read
 */
public record StoredSummary(long id, Path file, SummaryStyle style, Optional<Language> language, int pages, String text,
                            List<Locator> citations, boolean partial, Instant created, Source source) {

    public enum Source { UNCHANGED, CHANGED, MISSING }

    public StoredSummary {
        citations = List.copyOf(citations);
    }

    /** The finished summary, as a job would have delivered it; empty for a partial one. */
    public Optional<SummaryJob.Result> result() {
        return partial ? Optional.empty() : language.map(l -> new SummaryJob.Result(text, l, pages, citations));
    }
}
