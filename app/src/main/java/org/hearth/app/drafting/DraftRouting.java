package org.hearth.app.drafting;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
import org.hearth.assistant.task.answer.Source;

/**
 * Where a draft's fields are filled and, when that leaves, what goes: the source passages under the labels the model
 * sees, anonymised with placeholders that the draft's engine keeps using. The model's quotes come back restored, so
 * each is still checked against the real source.
 */
public final class DraftRouting {

    /** What one field's answer may write back, for the routing estimate. */
    private static final int ANSWER_TOKENS = 256;

    private final JobRouting routing;

    public DraftRouting(JobRouting routing) {
        this.routing = routing;
    }

    /** The sources on their way out: where they go and why, their text as it would leave, and the job's placeholders. */
    public record Outgoing(Route route, Anonymised text, Placeholders placeholders) {

        /** The text exactly as it would leave: anonymised, or as it is for a firm server that takes it so. */
        public Anonymised shown() {
            return route.asSent(text);
        }
    }

    public boolean mayLeave() {
        return routing.mayLeave();
    }

    public boolean withoutAsking() {
        return routing.withoutAsking();
    }

    /**
     * The route and the sources as they would leave. Each field's request carries as many passages as fit the
     * server, so the passage that must fit is the longest; the estimate is of one request.
     */
    public Outgoing outgoing(List<Source> sources) throws AnonymisationException {
        String text = sources.stream().map(source -> "[" + source.n() + "] " + source.label() + "\n" + source.text())
                .collect(Collectors.joining("\n\n"));
        long longest = sources.stream().mapToLong(source -> source.text().length()).max().orElse(0);
        Placeholders placeholders = new Placeholders();
        return new Outgoing(routing.route(longest, ANSWER_TOKENS),
                new Anonymiser(placeholders, List.of(), Optional.empty()).anonymise(text), placeholders);
    }

    /** @param consent how the user allowed it ("preview", "policy", "cli --yes") */
    public Engine engine(Outgoing outgoing, String consent) throws SecretStoreException {
        return routing.engine(outgoing.route(), consent, outgoing.placeholders(), List.of());
    }

    /** Opens the network gate to the target while a draft the user confirmed is filled there. */
    public NetworkGate.Permit permit(Target target) {
        return routing.permit(target);
    }
}
