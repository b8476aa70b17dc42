package org.hearth.app.search;

import java.util.List;
import java.util.Optional;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.domain.LanguageDetector;
import org.hearth.ingest.index.Hit;

/**
 * Where a cited answer is written and, when it leaves, what goes: the question and the passages it is answered
 * from, anonymised with placeholders that the answer's engine then keeps using, so what is sent uses the numbering
 * the preview showed.
 */
public final class AnswerRouting {

    /** What an answer may write back, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    private final JobRouting routing;

    public AnswerRouting(JobRouting routing) {
        this.routing = routing;
    }

    /** A question on its way out: where it goes and why, its text as it would leave, and the job's placeholders. */
    public record Outgoing(Route route, Anonymised text, Placeholders placeholders) {

        /** The text exactly as it would leave: anonymised, or as it is for a firm server that takes it so. */
        public Anonymised shown() {
            return route.asSent(text);
        }
    }

    public boolean mayLeave() {
        return routing.mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public boolean withoutAsking() {
        return routing.withoutAsking();
    }

    /**
     * The route and, as it would leave, the question with the passages it is answered from, each under the label the
     * model sees (file and page or paragraph). The fixed instructions around them hold no client data.
     */
    public Outgoing outgoing(String question, CitedAnswers.Retrieval retrieval) throws AnonymisationException {
        StringBuilder text = new StringBuilder(question);
        List<Hit> hits = retrieval.hits();
        for (int i = 0; i < hits.size(); i++) {
            text.append("\n\n[").append(i + 1).append("] ").append(CitedAnswers.label(hits.get(i).chunk(), LanguageDetector.ofQuestion(question)))
                    .append("\n").append(hits.get(i).text());
        }
        Route route = routing.route(text.length(), ANSWER_TOKENS);
        Placeholders placeholders = new Placeholders();
        return new Outgoing(route, new Anonymiser(placeholders, List.of(), Optional.empty()).anonymise(text.toString()), placeholders);
    }

    /** @param confirmation how the user allowed it ("preview", "cli --yes") */
    public Engine engine(Outgoing outgoing, String confirmation) throws SecretStoreException {
        return routing.engine(outgoing.route(), confirmation, outgoing.placeholders(), List.of());
    }

    /** Opens the network gate to the target while an answer the user confirmed is written there. */
    public NetworkGate.Permit permit(Target target) {
        return routing.permit(target);
    }
}
