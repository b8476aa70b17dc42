package org.hearth.ui.search;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ServiceJobTask;
import org.hearth.ui.common.Tone;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.IndexJob;
import org.hearth.ui.service.SearchService.IndexJob.Summary;

/**
 * Indexing one collection, one run at a time: adding a folder or bringing the index up to date. What file
 * it reads, how far it got, and cancel. The same task serves every run, so the view binds to it once.
 */
public final class IndexTask extends ServiceJobTask<IndexJob> {

    private final SearchService service;
    private final Consumer<IndexOutcome> ended;

    /** @param ended hears how each run ended, on the JavaFX thread */
    IndexTask(SearchService service, Background background, RunningTasks runningTasks, Consumer<IndexOutcome> ended) {
        super(runningTasks, background, IndexJob::cancel);
        this.service = service;
        this.ended = ended;
    }

    void addFolder(String collection, Path folder) {
        start(listener -> service.addFolder(collection, folder, listener), "search.index.addFailed");
    }

    void update(String collection) {
        start(listener -> service.update(collection, listener), "search.index.updateFailed");
    }

    private void start(Function<IndexJob.Listener, IndexJob> call, String startFailureKey) {
        launch(Message.of("search.index.scanning"), own -> call.apply(new FxListener(own)),
                () -> end(IndexOutcome.of(Message.of(startFailureKey), Tone.DANGER)));
    }

    private void end(IndexOutcome outcome) {
        finish(outcome.message());
        ended.accept(outcome);
    }

    @Override
    protected Message stopping() {
        return Message.of("search.index.stopping");
    }

    private final class FxListener extends Reports implements IndexJob.Listener {

        FxListener(int ownRun) {
            super(ownRun);
        }

        @Override
        public void progress(long filesDone, long filesTotal, String currentFile) {
            onFx(() -> showProgress(SearchWording.indexProgress(filesDone, filesTotal, currentFile), filesDone, filesTotal));
        }

        @Override
        public void done(Summary summary) {
            boolean complete = summary.errors().isEmpty() && summary.partlyRead().isEmpty();
            onFx(() -> end(new IndexOutcome(SearchWording.indexDone(summary), complete ? Tone.SUCCESS : Tone.WARNING,
                    summary.errors(), summary.partlyRead())));
        }

        @Override
        public void failed(String message) {
            onFx(() -> end(IndexOutcome.of(Message.of("search.index.failed", message), Tone.DANGER)));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(IndexOutcome.of(Message.of("search.index.cancelled"), Tone.NEUTRAL)));
        }
    }
}
