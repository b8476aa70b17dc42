package org.hearth.app.documents;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * A summary as hearth.db keeps it, so the Documents list can show it again after a restart.
 *
 * @param stamp     the file as it was read; empty if it could not be looked at then
 * @param language  the language the summary is written in; empty for a partial one whose language was not chosen
 * @param citations the pages or paragraphs the summary cites; none for a partial one (it stopped before they were
 *                  collected, its text still names them)
 * @param partial   cancelled: the text stops where the user cancelled
 */
public record KeptSummary(Path file, Optional<FileStamp> stamp, SummaryStyle style, Optional<Language> language, int pages,
                          String text, List<Locator> citations, Optional<String> warning, boolean partial, Instant created) {

    public KeptSummary {
        citations = List.copyOf(citations);
    }
}
