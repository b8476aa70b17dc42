package org.hearth.app.privacy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Router;
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
    /** A rough count of characters per token for German and English legal text, before any model is asked. */
    private static final double CHARACTERS_PER_TOKEN = 3.5;

    private final Supplier<JobPolicy> policy;
    private final RoutedEngines engines;
    /** @param policy what the user allowed, asked once per job so a changed policy counts at once */
    public SummaryRouting(Supplier<JobPolicy> policy, RoutedEngines engines) {
        this.policy = policy;
        this.engines = engines;
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
        return policy.get().mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public boolean withoutAsking() {
        return policy.get().withoutAsking();
    }

    public Route route(DocumentText document) {
        long characters = document.blocks().stream().map(TextBlock::text).mapToLong(String::length).sum();
        return Router.decide(policy.get().allowed(), Math.round(characters / CHARACTERS_PER_TOKEN), ANSWER_TOKENS, false);
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
        return engines.engine(outgoing.route(), JobClass.SUMMARY, confirmation, outgoing.text().placeholders(),
                AnonymiseDocument.knownFromHeaders(document), Optional.empty());
    }

    /** Opens the network gate to the target while a summary the user confirmed runs there. */
    public static NetworkGate.Permit permit(Target target) {
        return NetworkGate.current().allow("summary → " + target.name(), target.baseUri());
    }

    /** A server's speed is kept apart from any local model's: estimates for this target rest on its own pace. */
    public static String speedKey(Target target) {
        return target.model() + "@" + target.name();
    }
}
