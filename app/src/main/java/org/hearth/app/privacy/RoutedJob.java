package org.hearth.app.privacy;

import java.util.List;
import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.Placeholders;

/**
 * A kind of job that may leave this machine as one text (answers, triage, drafts): the subclass says what that text
 * is; deciding, anonymising, the engine and the gate are the same for all.
 */
public abstract class RoutedJob {

    private final JobRouting routing;
    private final int answerTokens;

    /** @param answerTokens what one answer of this kind may write back, for the routing estimate */
    protected RoutedJob(JobRouting routing, int answerTokens) {
        this.routing = routing;
        this.answerTokens = answerTokens;
    }

    /** Whether a job of this kind may leave this machine now; if not, it runs locally as always. */
    public final boolean mayLeave() {
        return routing.mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public final boolean withoutAsking() {
        return routing.withoutAsking();
    }

    /** @param longest the longest single request the job would send, in characters */
    protected final Route route(long longest) {
        return routing.route(longest, answerTokens);
    }

    /**
     * The route and the text as it would leave, anonymised with new placeholders for this job.
     *
     * @param longest the longest single request the job would send, in characters
     */
    protected final Outgoing outgoing(String text, long longest, List<KnownEntity> known) throws AnonymisationException {
        Placeholders placeholders = new Placeholders();
        return new Outgoing(route(longest),
                new Anonymiser(placeholders, known, Optional.empty()).anonymise(text), placeholders, known);
    }

    /** @param consent how the user allowed it ("preview", "policy", "cli --yes") */
    public final Engine engine(Outgoing outgoing, String consent) throws SecretStoreException {
        return routing.engine(outgoing.route(), consent, outgoing.placeholders(), outgoing.known());
    }

    /** Opens the network gate to the target while a job the user confirmed runs there. */
    public final NetworkGate.Permit permit(Target target) {
        return routing.permit(target);
    }
}
