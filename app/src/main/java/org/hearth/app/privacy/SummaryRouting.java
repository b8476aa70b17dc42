package org.hearth.app.privacy;

import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.TextBlock;

/**
 * Where a summary runs and, when it leaves, what goes and on which engine: one decision for `hearth summarize` and
 * the window. The preview and the job share the placeholders, so what is sent uses the numbering the user saw.
 */
public final class SummaryRouting {

    /** What a summary may write back per step, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    private final JobRouting routing;

    public SummaryRouting(JobRouting routing) {
        this.routing = routing;
    }

    /** A document on its way out: where it goes and why, and the text exactly as it would leave. */
    public record Outgoing(Route route, AnonymiseDocument.Result text) {

        /** What leaves, as the preview shows it: anonymised, or as it is for a firm server that takes it so. */
        public Anonymised shown() {
            return route.asSent(text.anonymised());
        }
    }

    /** Whether any summary may leave this machine now; if not, every file runs locally as always. */
    public boolean mayLeave() {
        return routing.mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public boolean withoutAsking() {
        return routing.withoutAsking();
    }

    public Route route(DocumentText document) {
        long characters = document.blocks().stream().map(TextBlock::text).mapToLong(String::length).sum();
        return routing.route(characters, ANSWER_TOKENS);
    }

    /** The route for this document and, for a route that leaves, the text as it would go. */
    public Outgoing outgoing(DocumentText document) throws AnonymisationException {
        return new Outgoing(route(document), AnonymiseDocument.anonymise(document, Optional.empty()));
    }

    /**
     * The engine a summary that leaves runs on, anonymising with the placeholders of its preview.
     *
     * @param confirmation how the user allowed it ("preview", "cli --yes")
     */
    public Engine engine(Outgoing outgoing, DocumentText document, String confirmation) throws SecretStoreException {
        return routing.engine(outgoing.route(), confirmation, outgoing.text().placeholders(), AnonymiseDocument.knownFromHeaders(document));
    }

    /** Opens the network gate to the target while a summary the user confirmed runs there. */
    public NetworkGate.Permit permit(Target target) {
        return routing.permit(target);
    }

    /** A server's speed is kept apart from any local model's: estimates for this target rest on its own pace. */
    public static String speedKey(Target target) {
        return target.model() + "@" + target.name();
    }
}
