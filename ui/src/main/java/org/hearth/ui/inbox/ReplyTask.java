package org.hearth.ui.inbox;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.ServiceJobTask;
import org.hearth.ui.common.StreamedText;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ReplyService;
import org.hearth.ui.service.ReplyService.ReplyJob;

/** "Antwort entwerfen": one reply at a time, streaming in, with its progress line and cancel. */
public final class ReplyTask extends ServiceJobTask<ReplyJob> {

    private final ReplyService service;
    private final StreamedText text = new StreamedText();
    /** The mail the reply answers; null before the first. */
    private final ReadOnlyObjectWrapper<String> mailId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> outcome = new ReadOnlyObjectWrapper<>();

    ReplyTask(ReplyService service, Background background, RunningTasks runningTasks) {
        super(runningTasks, background, ReplyJob::cancel);
        this.service = service;
    }

    void start(MailItem mail) {
        text.clear();
        outcome.set(null);
        mailId.set(mail.id());
        launch(Message.of("inbox.reply.starting"), own -> service.draftReply(mail, new FxListener(own)),
                () -> end(Notice.danger(Message.of("inbox.reply.failure.OTHER", ""))));
    }

    /** The reply so far; once done, the service's whole text. */
    public ReadOnlyStringProperty textProperty() {
        return text.property();
    }

    public ReadOnlyObjectProperty<String> mailIdProperty() {
        return mailId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    private void end(Notice ending) {
        finish(ending.message());
        outcome.set(ending);
    }

    @Override
    protected Message stopping() {
        return Message.of("inbox.reply.stopping");
    }

    private final class FxListener extends StreamedTextReports implements ReplyJob.Listener {

        FxListener(int ownRun) {
            super(ownRun, text);
        }

        @Override
        public void waitingForModel() {
            onFx(() -> showProgress(Message.of("inbox.reply.waiting"), 0, 0));
        }

        @Override
        public void done(ReplyJob.Reply reply) {
            onFx(() -> {
                text.replace(reply.text());
                end(reply.cutOff() ? Notice.warning(Message.of("inbox.reply.cutOff")) : Notice.success(Message.of("inbox.reply.done")));
            });
        }

        @Override
        public void failed(ReplyJob.Failure failure) {
            onFx(() -> end(Notice.danger(Message.of("inbox.reply.failure." + failure.reason().name(), failure.detail()))));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(Notice.neutral(Message.of("inbox.reply.cancelled"))));
        }
    }
}
