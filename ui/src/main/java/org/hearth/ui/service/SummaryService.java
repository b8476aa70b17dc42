package org.hearth.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;

/** Reads a dropped file and summarises it with the local model, and keeps the summaries for the next start. */
public interface SummaryService {

    /** Starts at once in the background; the listener hears everything until a terminal state. */
    SummaryJob summarize(Path file, SummaryOptions options, SummaryJob.Listener listener);

    /**
     * The summaries kept from earlier runs (finished, or cancelled with text), newest first, each saying whether its
     * file changed since. Reads local state: call it off the JavaFX thread.
     */
    List<StoredSummary> storedSummaries();

    /** Forgets a kept summary for good; an unknown id changes nothing. Writes local state: off the JavaFX thread. */
    void deleteStoredSummary(long id);

    /** The document kinds the service reads, e.g. "pdf", "docx", "txt", "md", "eml". */
    List<String> supportedExtensions();

    /** @param language empty = the document's own language */
    record SummaryOptions(SummaryStyle style, Optional<Language> language, Optional<String> password) {
    }
}
