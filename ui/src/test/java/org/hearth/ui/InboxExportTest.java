package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.Mails.mail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Tone;
import org.hearth.ui.inbox.InboxViewModel;
import org.hearth.ui.inbox.Notice;
import org.hearth.ui.service.InboxService.MailItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The deadline export hands the service exactly the shown mails that have deadlines, and says how it went.
 * (The save dialog itself is the operating system's and is not driven here.)
 */
@ExtendWith(ApplicationExtension.class)
class InboxExportTest {

    private final FakeInboxService inbox = new FakeInboxService();
    private final AtomicReference<InboxViewModel> viewModel = new AtomicReference<>();

    @BeforeEach
    void load(FxRobot robot) throws TimeoutException {
        inbox.addStoredAccount("acc-1", "Kanzlei");
        inbox.store(mail("hearing").from("Landgericht").subject("Ladung").label(TriageCategory.COURT_OR_AUTHORITY, 5)
                .deadline(LocalDate.of(2099, 2, 12), "Mündliche Verhandlung", "Termin am 12.02.").build());
        inbox.store(mail("notice").from("Amtsgericht").subject("Hinweis").label(TriageCategory.COURT_OR_AUTHORITY, 3).build());
        inbox.store(mail("invoice").from("Kanzlei Weber").subject("Rechnung").label(TriageCategory.INVOICE_OR_BILLING, 2)
                .deadline(LocalDate.of(2099, 3, 1), "Zahlungsziel", "zahlbar bis 01.03.").build());
        robot.interact(() -> viewModel.set(new InboxViewModel(inbox, new FakeReplyService(), new RunningTasks(), new Background())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownIds(robot).size() == 3);
    }

    @Test
    void only_the_filtered_mails_with_deadlines_are_exported(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.get().filterProperty().set(Optional.of(TriageCategory.COURT_OR_AUTHORITY)));
        assertThat(shownIds(robot)).containsExactlyInAnyOrder("hearing", "notice");

        robot.interact(() -> viewModel.get().exportDeadlines(Path.of("fristen.ics")));

        FakeInboxService.Export export = inbox.nextExport();
        assertThat(export.target()).isEqualTo(Path.of("fristen.ics"));
        assertThat(export.mails()).extracting(MailItem::id).containsExactly("hearing");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notice(robot) != null);
        assertThat(notice(robot)).isEqualTo(new Notice(Message.of("inbox.exported", 1, "fristen.ics"), Tone.SUCCESS));
    }

    @Test
    void a_failed_export_says_which_file_and_why(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.get().exportDeadlines(Path.of(FakeInboxService.UNWRITABLE)));

        assertThat(inbox.nextExport().mails()).extracting(MailItem::id).containsExactlyInAnyOrder("hearing", "invoice");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notice(robot) != null);
        assertThat(notice(robot)).isEqualTo(new Notice(Message.of("inbox.exportFailed", FakeInboxService.UNWRITABLE,
                "Kein Speicherplatz mehr auf dem Gerät"), Tone.DANGER));
    }

    private List<String> shownIds(FxRobot robot) {
        AtomicReference<List<String>> ids = new AtomicReference<>();
        robot.interact(() -> ids.set(viewModel.get().shownMails().stream().map(MailItem::id).toList()));
        return ids.get();
    }

    private Notice notice(FxRobot robot) {
        AtomicReference<Notice> notice = new AtomicReference<>();
        robot.interact(() -> notice.set(viewModel.get().noticeProperty().get()));
        return notice.get();
    }
}
