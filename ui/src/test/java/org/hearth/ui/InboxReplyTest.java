package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;
import static org.hearth.ui.Mails.mail;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.inbox.InboxTab;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.ReplyService.ReplyJob;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Antwort entwerfen" on a selected mail: the reply streams into an editor the user can change and copy; cancel stops it. */
@ExtendWith(ApplicationExtension.class)
class InboxReplyTest {

    private static final String REPLY = "Sehr geehrte Frau Dr. Berg,\n\nvielen Dank für Ihre Nachricht. [Antwort ergänzen]\n\n"
            + "Mit freundlichen Grüßen";

    private final FakeInboxService inbox = new FakeInboxService();
    private final FakeReplyService replies = new FakeReplyService();

    @Start
    void start(Stage stage) {
        inbox.addStoredAccount("acc-1", "Kanzlei");
        inbox.store(mail("client").from("Dr. Anna Berg").subject("Frage zum Mietvertrag").body("Darf ich untervermieten?")
                .label(TriageCategory.CLIENT_REQUEST, 4).build());
        inbox.store(mail("court").from("Landgericht München I").subject("Ladung").label(TriageCategory.COURT_OR_AUTHORITY, 5).build());
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                List.of(InboxTab.of(inbox, replies)), Locale.ENGLISH).show(stage);
    }

    @Test
    void a_drafted_reply_streams_into_an_editor_that_can_be_changed_and_copied(FxRobot robot) throws TimeoutException {
        select(robot, "client");
        assertThat(visible(robot, "#inbox-reply-pane")).as("no reply yet").isFalse();

        robot.clickOn("#inbox-reply");
        assertThat(replies.calls()).hasSize(1);
        assertThat(replies.calls().getFirst().mail().id()).isEqualTo("client");
        replies.report(0, listener -> {
            listener.waitingForModel();
            listener.text("Sehr geehrte Frau Dr. Berg,");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#inbox-reply-pane")).isTrue();
        assertThat(reply(robot).getText()).isEqualTo("Sehr geehrte Frau Dr. Berg,");
        assertThat(reply(robot).isEditable()).as("not while it is written").isFalse();
        assertThat(robot.lookup("#inbox-reply").queryButton().isDisabled()).as("one reply at a time").isTrue();

        replies.report(0, listener -> listener.done(new ReplyJob.Reply(REPLY, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reply(robot).getText()).isEqualTo(REPLY);
        assertThat(text(robot, "#inbox-reply-status")).startsWith("Draft ready.").endsWith("Hearth sends nothing.");
        assertThat(reply(robot).isEditable()).isTrue();

        robot.interact(() -> reply(robot).setText(REPLY.replace("[Antwort ergänzen]", "Eine Untervermietung bedarf der Zustimmung.")));
        robot.clickOn("#inbox-reply-copy");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).contains("Eine Untervermietung bedarf der Zustimmung.").doesNotContain("[Antwort ergänzen]");
        assertThat(visible(robot, "#inbox-reply-copied")).isTrue();

        select(robot, "court");
        assertThat(visible(robot, "#inbox-reply-pane")).as("the reply belongs to the other mail").isFalse();
    }

    @Test
    void cancel_stops_the_reply(FxRobot robot) throws TimeoutException {
        select(robot, "client");
        robot.clickOn("#inbox-reply");
        replies.report(0, listener -> listener.text("Sehr geehrte"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#inbox-reply-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> replies.calls().getFirst().cancelRequested().get());
        replies.report(0, listener -> { });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#inbox-reply-status")).isEqualTo("Cancelled.");
        assertThat(visible(robot, "#inbox-reply-cancel")).isFalse();
        assertThat(robot.lookup("#inbox-reply").queryButton().isDisabled()).isFalse();
    }

    private static TextArea reply(FxRobot robot) {
        return robot.lookup("#inbox-reply-text").queryAs(TextArea.class);
    }

    private static void select(FxRobot robot, String id) throws TimeoutException {
        ListView<MailItem> list = robot.lookup("#inbox-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        robot.clickOn(InboxWindowTest.cell(robot, id));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
