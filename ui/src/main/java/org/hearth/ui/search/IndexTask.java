package org.hearth.ui.search;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.search.IndexOutcome.Tone;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.IndexJob;
import org.hearth.ui.service.SearchService.IndexJob.Summary;

/**
 * Indexing one collection, one run at a time: adding a folder or bringing the index up to date. What file
 * it reads, how far it got, and cancel. The same task serves every run, so the view binds to it once.
 */
public final class IndexTask extends ProgressTask {

    private final SearchService service;
    private final Background background;
    private final Consumer<IndexOutcome> ended;
    private IndexJob handle;
    private boolean cancelRequested;
    /** Counts the starts, so a late report from an earlier run is not taken for the current one's. */
    private int generation;

    /** @param ended hears how each run ended, on the JavaFX thread */
    IndexTask(SearchService service, Background background, RunningTasks runningTasks, Consumer<IndexOutcome> ended) {
        super(runningTasks);
        this.service = service;
        this.background = background;
        this.ended = ended;
    }

    void addFolder(String collection, Path folder) {
        start(listener -> service.addFolder(collection, folder, listener), "search.index.addFailed");
    }

    void update(String collection) {
        start(listener -> service.update(collection, listener), "search.index.updateFailed");
    }

    /** Asks the service to stop; the run ends when the service confirms. What is indexed stays searchable. */
    @Override
    public void cancel() {
        if (!isRunning() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        updateStatus(Message.of("search.index.stopping"));
        IndexJob started = handle;
        if (started != null) {
            background.run(started::cancel);
        }
    }

    private void start(Function<IndexJob.Listener, IndexJob> call, String startFailureKey) {
        int own = ++generation;
        handle = null;
        cancelRequested = false;
        updateStatus(Message.of("search.index.scanning"));
        updateProgress(0, 0);
        setRunning(true);
        background.run(() -> call.apply(new FxListener(own)), started -> {
            if (own == generation) {
                handle = started;
                if (cancelRequested) {
                    background.run(started::cancel);
                }
            }
        }, failure -> {
            if (own == generation && isRunning()) {
                end(IndexOutcome.of(Message.of(startFailureKey), Tone.DANGER));
            }
        });
    }

    private void end(IndexOutcome outcome) {
        updateStatus(outcome.message());
        updateProgress(0.0);
        setRunning(false);
        ended.accept(outcome);
    }

    /** The service calls from its own threads; each report is handed to the JavaFX thread in order. */
    private final class FxListener implements IndexJob.Listener {

        private final int ownRun;

        FxListener(int ownRun) {
            this.ownRun = ownRun;
        }

        @Override
        public void progress(long filesDone, long filesTotal, String currentFile) {
            onFx(() -> {
                if (!cancelRequested) {
                    updateStatus(SearchWording.indexProgress(filesDone, filesTotal, currentFile));
                }
                updateProgress(filesDone, filesTotal);
            });
        }

        @Override
        public void done(Summary summary) {
            onFx(() -> end(new IndexOutcome(SearchWording.indexDone(summary),
                    summary.errors().isEmpty() ? Tone.SUCCESS : Tone.WARNING, summary.errors())));
        }

        @Override
        public void failed(String message) {
            onFx(() -> end(IndexOutcome.of(Message.of("search.index.failed", message), Tone.DANGER)));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(IndexOutcome.of(Message.of("search.index.cancelled"), Tone.NEUTRAL)));
        }

        private void onFx(Runnable update) {
            Platform.runLater(() -> {
                if (ownRun == generation && isRunning()) {
                    update.run();
                }
            });
        }
    }
}
