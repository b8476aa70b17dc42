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
 * `summarize --target NAME --yes`: each file is its own job, sent to the target the user named (the per-job opt-in),
 * anonymised with the same placeholders the preview showed, every request logged. A file too long for the target
 * runs on this machine and says so.
 */
final class RoutedSummaries implements AutoCloseable {

    /** What a summary may write back per step, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    private final RoutingStore store;
    private final RoutedEngines engines;
    private final Target target;

    RoutedSummaries(HearthPaths paths, String targetName) {
        this.store = new RoutingStore(LocalState.open(paths.database()));
        this.target = store.find(targetName).orElseThrow(() -> new IllegalArgumentException("no target named \"" + targetName
                + "\"; see `hearth targets list`")).target();
        this.engines = new RoutedEngines(RoutedEngines.client(), Keychain.system(), store, EgressLogs.in(paths));
    }

    Route route(SummarizeDocument.ReadDocument read) {
        long characters = DocumentPassages.of(read.document()).stream().map(Passage::text).mapToLong(String::length).sum();
        return Router.decide(List.of(target), Math.round(characters / 3.5), ANSWER_TOKENS, false);
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
        return summaries.summarise(document, options, jobCancelled -> new SummarizeDocument.EngineUse(engine, jobCancelled, () -> { }),
                listener, cancelled);
    }

    @Override
    public void close() {
        store.close();
    }
}
