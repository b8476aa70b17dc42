package org.hearth.ui.search;

import java.util.List;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.Outcome;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.SearchService.IndexJob.FileError;

/**
 * How the last indexing ended: a line in its tone, and the files that could not be read, each with the
 * service's sentence saying why.
 */
public record IndexOutcome(Message message, Tone tone, List<FileError> unreadable) implements Outcome {

    public IndexOutcome {
        unreadable = List.copyOf(unreadable);
    }

    static IndexOutcome of(Message message, Tone tone) {
        return new IndexOutcome(message, tone, List.of());
    }
}
