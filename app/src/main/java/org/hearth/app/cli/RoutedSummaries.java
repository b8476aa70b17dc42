package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.hearth.app.HearthPaths;
import org.hearth.app.documents.SummarizeDocument;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.privacy.SummaryRouting;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;

/**
 * Summaries that may leave this machine: to the target named with `--target` (the per-job opt-in) or to those the
 * policy allows for summaries. Each file is its own job, anonymised with the same placeholders its preview showed,
 * every request logged. A file too long for every allowed target runs on this machine and says so.
 */
final class RoutedSummaries implements AutoCloseable {

    private final RoutingStore store;
    private final SummaryRouting routing;

    /**
     * @param targetName the server the user named for this run; without one, those the policy allows for summaries
     */
    RoutedSummaries(HearthPaths paths, Optional<String> targetName) {
        this.store = new RoutingStore(LocalState.open(paths.database()));
        this.routing = new SummaryRouting(JobRouting.onThisSystem(JobClass.SUMMARY, store, paths, targetName));
    }

    /** Whether any summary may leave this machine in this run; if not, every file runs locally as always. */
    boolean mayLeave() {
        return routing.mayLeave();
    }

    /** Whether the policy lets these summaries go without the preview. */
    boolean withoutAsking() {
        return routing.withoutAsking();
    }

    Route route(SummarizeDocument.ReadDocument read) {
        return routing.route(read.document());
    }

    SummarizeDocument.Outcome summarise(SummarizeDocument summaries, Path file, SummarizeDocument.Options options,
                                        SummarizeDocument.EngineSource local, SummarizeDocument.Listener listener,
                                        BooleanSupplier cancelled, String consent, PrintWriter err) throws SecretStoreException, AnonymisationException {
        SummarizeDocument.Read read = summaries.read(file, options, listener, cancelled);
        if (!(read instanceof SummarizeDocument.ReadDocument document)) {
            return ((SummarizeDocument.ReadFailed) read).outcome();
        }
        Outgoing outgoing = routing.outgoing(document.document());
        Route route = outgoing.route();
        err.println("hearth: " + file.getFileName() + ": " + route.describe());
        if (!route.leavesTheMachine()) {
            return summaries.summarise(document, options, local, listener, cancelled);
        }
        Target target = route.target().orElseThrow();
        Engine engine = routing.engine(outgoing, consent);
        try (NetworkGate.Permit permit = routing.permit(target)) {
            return summaries.summarise(document, options, jobCancelled -> new SummarizeDocument.EngineUse(engine,
                    SummaryRouting.speedKey(target), jobCancelled, () -> { }), listener, cancelled);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
