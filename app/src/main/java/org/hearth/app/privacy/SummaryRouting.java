package org.hearth.app.privacy;

import java.util.Optional;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.TextBlock;

/**
 * Where a summary runs and, when it leaves, what goes and on which engine: one decision for `hearth summarize` and
 * the window. The preview and the job share the placeholders, so what is sent uses the numbering the user saw.
 */
public final class SummaryRouting extends RoutedJob {

    /** What a summary may write back per step, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    public SummaryRouting(JobRouting routing) {
        super(routing, ANSWER_TOKENS);
    }

    public Route route(DocumentText document) {
        return route(document.blocks().stream().map(TextBlock::text).mapToLong(String::length).sum());
    }

    /**
     * The route for this document and, for a route that leaves, the text as it would go, with the names its headers
     * give (a mail's From and To) known to the anonymiser.
     */
    public Outgoing outgoing(DocumentText document) throws AnonymisationException {
        AnonymiseDocument.Result text = AnonymiseDocument.anonymise(document, Optional.empty());
        return new Outgoing(route(document), text.anonymised(), text.placeholders(), AnonymiseDocument.knownFromHeaders(document));
    }

    /** A server's speed is kept apart from any local model's: estimates for this target rest on its own pace. */
    public static String speedKey(Target target) {
        return target.model() + "@" + target.name();
    }
}
