package org.hearth.app.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.app.HearthPaths;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Router;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.Placeholders;

/**
 * What every kind of job shares on its way out: what the user allows for it now, the route for a request of a
 * given size, the engine that anonymises, logs and sends, and the gate's permit while it runs. The job's own
 * routing (summary, answer, triage, draft) only says what text would leave.
 */
public final class JobRouting {

    /** A rough count of characters per token for German and English legal text, before any model is asked. */
    private static final double CHARACTERS_PER_TOKEN = 3.5;

    private final JobClass job;
    private final Supplier<JobPolicy> policy;
    private final RoutedEngines engines;

    /** @param policy what the user allowed, asked once per decision so a changed policy counts at once */
    public JobRouting(JobClass job, Supplier<JobPolicy> policy, RoutedEngines engines) {
        this.job = job;
        this.policy = policy;
        this.engines = engines;
    }

    /** @param named the server the user named for this run, or empty for what the policy allows */
    public static JobRouting of(JobClass job, RoutingStore store, Optional<String> named, RoutedEngines engines) {
        return new JobRouting(job, () -> store.policyFor(job, named), engines);
    }

    /**
     * For a command: the servers in {@code hearth.db}, their keys in the system keychain, every request in the data
     * folder's egress log.
     */
    public static JobRouting onThisSystem(JobClass job, RoutingStore store, HearthPaths paths, Optional<String> named) {
        return of(job, store, named, new RoutedEngines(RoutedEngines.client(), Keychain.system(), store, EgressLogs.in(paths)));
    }

    /** Whether a job of this kind may leave this machine now; if not, it runs locally as always. */
    public boolean mayLeave() {
        return policy.get().mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public boolean withoutAsking() {
        return policy.get().withoutAsking();
    }

    /**
     * @param characters   the longest single request the job would send
     * @param answerTokens what one answer may write back
     */
    public Route route(long characters, int answerTokens) {
        return Router.decide(policy.get().allowed(), Math.round(characters / CHARACTERS_PER_TOKEN), answerTokens, false);
    }

    /**
     * The engine a job that leaves runs on, anonymising with the placeholders of its preview.
     *
     * @param consent how the user allowed it ("preview", "policy", "cli --yes")
     */
    public Engine engine(Route route, String consent, Placeholders placeholders, List<KnownEntity> known) throws SecretStoreException {
        return engines.engine(route, job, consent, placeholders, known, Optional.empty());
    }

    /** Opens the network gate to the target while a job the user confirmed runs there. */
    public NetworkGate.Permit permit(Target target) {
        return NetworkGate.current().allow(job.name().toLowerCase(Locale.ROOT) + " → " + target.name(), target.baseUri());
    }
}
