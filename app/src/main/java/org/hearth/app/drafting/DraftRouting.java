package org.hearth.app.drafting;

import java.util.List;
import java.util.stream.Collectors;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutedJob;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.task.answer.Source;

/**
 * Where a draft's fields are filled and, when that leaves, what goes: the source passages under the labels the model
 * sees, anonymised with placeholders that the draft's engine keeps using. The model's quotes come back restored, so
 * each is still checked against the real source.
 */
public final class DraftRouting extends RoutedJob {

    /** What one field's answer may write back, for the routing estimate. */
    private static final int ANSWER_TOKENS = 256;

    public DraftRouting(JobRouting routing) {
        super(routing, ANSWER_TOKENS);
    }

    /**
     * The route and the sources as they would leave. Each field's request carries as many passages as fit the
     * server, so the passage that must fit is the longest; the estimate is of one request.
     */
    public Outgoing outgoing(List<Source> sources) throws AnonymisationException {
        String text = sources.stream().map(source -> "[" + source.n() + "] " + source.label() + "\n" + source.text())
                .collect(Collectors.joining("\n\n"));
        long longest = sources.stream().mapToLong(source -> source.text().length()).max().orElse(0);
        return outgoing(text, longest, List.of());
    }
}
