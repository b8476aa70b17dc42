package org.hearth.ui.search;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.ServiceJobTask;
import org.hearth.ui.common.Tone;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.InstallJob;

/** Downloading the search model from the Search tab: how far it got, cancel, and how it ended. */
public final class SearchModelInstall extends ServiceJobTask<InstallJob> {

    private final SearchService service;
    private final Consumer<InstallOutcome> ended;
    private final ReadOnlyObjectWrapper<InstallOutcome> outcome = new ReadOnlyObjectWrapper<>();

    /** @param ended hears how each run ended, on the JavaFX thread */
    SearchModelInstall(SearchService service, Background background, RunningTasks runningTasks, Consumer<InstallOutcome> ended) {
        super(runningTasks, background, InstallJob::cancel);
        this.service = service;
        this.ended = ended;
    }

    void start() {
        if (isRunning()) {
            return;
        }
        outcome.set(null);
        launch(Message.of("search.model.starting"), own -> service.installSearchModel(new FxListener(own)),
                () -> end(new InstallOutcome(Message.of("search.model.startFailed"), Tone.DANGER)));
    }

    /** How the last install ended; null before the first and while one runs. */
    public ReadOnlyObjectProperty<InstallOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    @Override
    protected Message stopping() {
        return Message.of("search.model.stopping");
    }

    private void end(InstallOutcome how) {
        finish(how.message());
        outcome.set(how);
        ended.accept(how);
    }

    private final class FxListener extends Reports implements InstallJob.Listener {

        FxListener(int ownRun) {
            super(ownRun);
        }

        @Override
        public void progress(long bytesDone, long totalBytes) {
            onFx(() -> showProgress(Message.of("search.model.progress", Math.round(Units.megabytes(bytesDone)),
                    Math.round(Units.megabytes(totalBytes))), bytesDone, totalBytes));
        }

        @Override
        public void done() {
            onFx(() -> end(new InstallOutcome(Message.of("search.model.done"), Tone.SUCCESS)));
        }

        @Override
        public void failed(String message) {
            onFx(() -> end(new InstallOutcome(Message.of("search.model.failed", message), Tone.DANGER)));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(new InstallOutcome(Message.of("search.model.cancelled"), Tone.NEUTRAL)));
        }
    }
}
