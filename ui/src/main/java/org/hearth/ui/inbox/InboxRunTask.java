package org.hearth.ui.inbox;

import java.util.function.Consumer;
import javafx.application.Platform;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.InboxService.InboxRun;
import org.hearth.ui.service.InboxService.InboxRun.Failure;
import org.hearth.ui.service.InboxService.InboxRun.Stage;
import org.hearth.ui.service.InboxService.InboxRun.Summary;
import org.hearth.ui.service.InboxService.MailItem;

/**
 * The run that fetches and triages new mail, one at a time: what it is doing, how far it got, and cancel.
 * The same task serves every run, so the view binds to it once.
 */
final class InboxRunTask extends ProgressTask {

    private final InboxService service;
    private final Background background;
    private final Consumer<MailItem> mailArrived;
    private final Consumer<Notice> ended;
    private InboxRun handle;
    private boolean cancelRequested;
    /** Counts the starts, so a late answer from an earlier run is not taken for the current one's. */
    private int generation;

    /**
     * @param mailArrived hears each mail the run stores or triages, on the JavaFX thread
     * @param ended       hears how the run ended, on the JavaFX thread
     */
    InboxRunTask(InboxService service, Background background, RunningTasks runningTasks,
            Consumer<MailItem> mailArrived, Consumer<Notice> ended) {
        super(runningTasks);
        this.service = service;
        this.background = background;
        this.mailArrived = mailArrived;
        this.ended = ended;
    }

    void start(String accountId) {
        int own = ++generation;
        handle = null;
        cancelRequested = false;
        updateStatus(InboxWording.stage(Stage.CONNECTING, 0, 0));
        updateProgress(0, 0);
        setRunning(true);
        background.run(() -> service.refresh(accountId, new FxListener(own)), started -> {
            if (own == generation) {
                handle = started;
                if (cancelRequested) {
                    background.run(started::cancel);
                }
            }
        }, failure -> {
            if (own == generation && isRunning()) {
                end(Notice.danger(InboxWording.runFailure(Failure.Reason.OTHER)));
            }
        });
    }

    /** Asks the run to stop; it ends when the service confirms, keeping what it already stored. */
    @Override
    public void cancel() {
        if (!isRunning() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        updateStatus(Message.of("inbox.run.stopping"));
        InboxRun started = handle;
        if (started != null) {
            background.run(started::cancel);
        }
    }

    private void end(Notice outcome) {
        updateStatus(outcome.message());
        updateProgress(0.0);
        setRunning(false);
        ended.accept(outcome);
    }

    /** The service calls from its own threads; each report is handed to the JavaFX thread in order. */
    private final class FxListener implements InboxRun.Listener {

        private final int ownRun;

        FxListener(int ownRun) {
            this.ownRun = ownRun;
        }

        @Override
        public void progress(Stage stage, long done, long total) {
            onFx(() -> {
                if (!cancelRequested) {
                    updateStatus(InboxWording.stage(stage, done, total));
                }
                updateProgress(done, total);
            });
        }

        @Override
        public void mail(MailItem mail) {
            // Stored is stored: a mail is shown even if its run is no longer the current one.
            Platform.runLater(() -> mailArrived.accept(mail));
        }

        @Override
        public void done(Summary summary) {
            onFx(() -> end(Notice.success(InboxWording.done(summary))));
        }

        @Override
        public void failed(Failure failure) {
            onFx(() -> end(Notice.danger(InboxWording.runFailure(failure.reason()))));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(Notice.neutral(Message.of("inbox.run.cancelled"))));
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
