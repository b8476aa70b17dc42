package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.hearth.app.HearthPaths;
import org.hearth.app.documents.DocumentPassages;
import org.hearth.app.documents.SummarizeDocument;
import org.hearth.app.privacy.AnonymiseDocument;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.RoutedEngines;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Router;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.assistant.task.summary.Passage;

/**
 * Summaries that may leave this machine: to the target named with `--target` (the per-job opt-in) or to those the
 * policy allows for summaries. Each file is its own job, anonymised with the same placeholders its preview showed,
 * every request logged. A file too long for every allowed target runs on this machine and says so.
 */
final class RoutedSummaries implements AutoCloseable {

    /** What a summary may write back per step, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    private final RoutingStore store;
    private final RoutedEngines engines;
    private final List<Target> allowed;

    /**
     * @param targetName the server the user named for this run; without one, those the policy allows for summaries
     */
    RoutedSummaries(HearthPaths paths, Optional<String> targetName) {
        this.store = new RoutingStore(LocalState.open(paths.database()));
        this.allowed = targetName.isEmpty() ? store.allowed(JobClass.SUMMARY)
                : List.of(store.find(targetName.get()).orElseThrow(() -> new IllegalArgumentException("no target named \""
                        + targetName.get() + "\"; see `hearth targets list`")).target());
        this.engines = new RoutedEngines(RoutedEngines.client(), Keychain.system(), store, EgressLogs.in(paths));
    }

    /** Whether any summary may leave this machine in this run; if not, every file runs locally as always. */
    boolean mayLeave() {
        return !allowed.isEmpty();
    }

    Route route(SummarizeDocument.ReadDocument read) {
        long characters = DocumentPassages.of(read.document()).stream().map(Passage::text).mapToLong(String::length).sum();
        return Router.decide(allowed, Math.round(characters / 3.5), ANSWER_TOKENS, false);
    }

    SummarizeDocument.Outcome summarise(SummarizeDocument summaries, Path file, SummarizeDocument.Options options,
                                        SummarizeDocument.EngineSource local, SummarizeDocument.Listener listener,
                                        BooleanSupplier cancelled, PrintWriter err) throws SecretStoreException, AnonymisationException {
        SummarizeDocument.Read read = summaries.read(file, options, listener, cancelled);
        if (!(read instanceof SummarizeDocument.ReadDocument document)) {
            return ((SummarizeDocument.ReadFailed) read).outcome();
        }
        Route route = route(document);
        err.println("hearth: " + file.getFileName() + ": " + route.describe());
        if (!route.leavesTheMachine()) {
            return summaries.summarise(document, options, local, listener, cancelled);
        }
        Placeholders placeholders = AnonymiseDocument.anonymise(document.document(), Optional.empty()).placeholders();
        Engine engine = engines.engine(route, JobClass.SUMMARY, "cli --yes", placeholders,
                AnonymiseDocument.knownFromHeaders(document.document()), Optional.empty());
        // the server's speed is kept apart from any local model's: estimates for this target rest on its own pace
        String model = route.target().orElseThrow().model() + "@" + route.target().orElseThrow().name();
        Target target = route.target().orElseThrow();
        try (NetworkGate.Permit permit = NetworkGate.current().allow("summary → " + target.name(), target.baseUri())) {
            return summaries.summarise(document, options, jobCancelled -> new SummarizeDocument.EngineUse(engine, model, jobCancelled, () -> { }),
                    listener, cancelled);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
