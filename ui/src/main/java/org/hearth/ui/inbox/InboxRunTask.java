package org.hearth.ui.inbox;

import java.util.function.Consumer;
import javafx.application.Platform;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ServiceJobTask;
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
final class InboxRunTask extends ServiceJobTask<InboxRun> {

    private final InboxService service;
    private final Consumer<MailItem> mailArrived;
    private final Consumer<Notice> ended;

    /**
     * @param mailArrived hears each mail the run stores or triages, on the JavaFX thread
     * @param ended       hears how the run ended, on the JavaFX thread
     */
    InboxRunTask(InboxService service, Background background, RunningTasks runningTasks,
            Consumer<MailItem> mailArrived, Consumer<Notice> ended) {
        super(runningTasks, background, InboxRun::cancel);
        this.service = service;
        this.mailArrived = mailArrived;
        this.ended = ended;
    }

    void start(String accountId) {
        launch(InboxWording.stage(Stage.CONNECTING, 0, 0), own -> service.refresh(accountId, new FxListener(own)),
                () -> end(Notice.danger(InboxWording.runFailure(Failure.Reason.OTHER))));
    }

    private void end(Notice outcome) {
        finish(outcome.message());
        ended.accept(outcome);
    }

    @Override
    protected Message stopping() {
        return Message.of("inbox.run.stopping");
    }

    private final class FxListener extends Reports implements InboxRun.Listener {

        FxListener(int ownRun) {
            super(ownRun);
        }

        @Override
        public void progress(Stage stage, long done, long total) {
            onFx(() -> showProgress(InboxWording.stage(stage, done, total), done, total));
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
    }
}
