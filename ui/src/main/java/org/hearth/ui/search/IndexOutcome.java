package org.hearth.ui.search;

import java.util.List;
import org.hearth.ingest.index.PartlyRead;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.Outcome;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.SearchService.IndexJob.FileError;

/**
 * How the last indexing ended: a line in its tone, the files that could not be read, each with the
 * service's sentence saying why, and the files searchable only up to the text limit of one document.
 */
public record IndexOutcome(Message message, Tone tone, List<FileError> unreadable, List<PartlyRead> partlyRead) implements Outcome {

    public IndexOutcome {
        unreadable = List.copyOf(unreadable);
        partlyRead = List.copyOf(partlyRead);
    }

    static IndexOutcome of(Message message, Tone tone) {
        return new IndexOutcome(message, tone, List.of(), List.of());
    }

    /** Files the user may want to know about: unreadable, or read only in part. */
    boolean hasFileNotes() {
        return !unreadable.isEmpty() || !partlyRead.isEmpty();
    }
}
