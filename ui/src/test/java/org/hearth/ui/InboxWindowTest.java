package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;
import static org.hearth.ui.Mails.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import org.assertj.core.data.Offset;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.FakeInboxService.FakeRun;
import org.hearth.ui.service.InboxService.InboxRun.Stage;
import org.hearth.ui.service.InboxService.InboxRun.Summary;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Inbox tab against a fake service the test drives: a run fills the list live, cancel stops it, a label
 * edit goes through the service, the filter and the detail pane show what the mail holds, new mail starts a run.
 */
@ExtendWith(ApplicationExtension.class)
class InboxWindowTest {

    private final FakeInboxService inbox = new FakeInboxService();

    @Start
    void start(javafx.stage.Stage stage) {
        inbox.addStoredAccount("acc-1", "Kanzlei");
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                AppTabs.of(new FakeSummaryService(), new FakeExportService(), inbox, new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void a_run_fills_the_list_as_it_reports_and_ends_sorted_by_priority(FxRobot robot) throws TimeoutException {
        inbox.store(mail("old").from("Rechtsanwaltskammer").subject("Rundschreiben 1/2026")
                .received("2026-01-12T08:00:00Z").label(TriageCategory.OTHER, 3).build());
        open(robot, 1);

        robot.clickOn("#inbox-fetch");
        FakeRun run = inbox.nextRun();
        assertThat(run.accountId()).isEqualTo("acc-1");
        run.report(listener -> listener.progress(Stage.CONNECTING, 0, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#inbox-activity-line")).isEqualTo("Connecting to the mail server…");
        assertThat(robot.lookup("#inbox-fetch").queryButton().isDisabled()).as("one run at a time").isTrue();

        MailItem court = mail("court").from("Landgericht München I").subject("Ladung 12 O 3456/25")
                .received("2026-01-14T09:12:00Z").pending().build();
        MailItem client = mail("client").from("Dr. Anna Berg").subject("Frage zum Mietvertrag")
                .received("2026-01-14T10:30:00Z").pending().build();
        MailItem advert = mail("advert").from("Kanzleibedarf24").subject("Angebote im Januar")
                .received("2026-01-14T11:00:00Z").pending().build();
        run.report(listener -> listener.progress(Stage.FETCHING, 3, 3));
        run.mail(court);
        run.mail(client);
        run.mail(advert);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#inbox-activity-line")).isEqualTo("Fetching mail 3 of 3");
        assertThat(ids(robot)).containsExactlyInAnyOrder("old", "court", "client", "advert");
        assertThat(cellText(robot, "court")).contains("Being triaged…");

        run.report(listener -> listener.progress(Stage.TRIAGING, 1, 3));
        run.mail(triaged(client, TriageCategory.CLIENT_REQUEST, 3, "Fragt, ob die Kündigungsfrist drei Monate beträgt."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#inbox-activity-line")).isEqualTo("Triaging mail 1 of 3");
        assertThat(robot.lookup("#inbox-progress").queryAs(ProgressBar.class).getProgress()).isCloseTo(1 / 3.0, Offset.offset(1e-9));
        assertThat(ids(robot)).as("the triaged mail replaced its pending row").hasSize(4);
        assertThat(cellText(robot, "client")).contains("Client request", "Fragt, ob die Kündigungsfrist")
                .doesNotContain("Being triaged");

        run.report(listener -> listener.progress(Stage.TRIAGING, 3, 3));
        run.mail(triaged(court, TriageCategory.COURT_OR_AUTHORITY, 5, "Mündliche Verhandlung am 12.02.2026."));
        run.mail(triaged(advert, TriageCategory.NEWSLETTER_OR_MARKETING, 1, "Werbung für Büromaterial."));
        run.report(listener -> listener.done(new Summary(3, 3, 0)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#inbox-activity-line")).isEqualTo("3 new mails · 3 triaged");
        // Priority first (5, 3, 3, 1), and within priority 3 the newer mail first.
        assertThat(ids(robot)).containsExactly("court", "client", "old", "advert");
        assertThat(visible(robot, "#inbox-progress")).isFalse();
        assertThat(visible(robot, "#inbox-cancel")).isFalse();
        assertThat(robot.lookup("#inbox-fetch").queryButton().isDisabled()).isFalse();
        assertThat(text(robot, "#nav-inbox")).isEqualTo("Inbox");
        assertThat(badge(robot)).as("one urgent mail not opened yet").isEqualTo("1");
    }

    @Test
    void cancel_asks_the_run_to_stop_and_the_tab_says_it_stopped(FxRobot robot) throws TimeoutException {
        open(robot, 0);
        robot.clickOn("#inbox-fetch");
        FakeRun run = inbox.nextRun();
        run.report(listener -> listener.progress(Stage.TRIAGING, 12, 150));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#inbox-activity-line")).isEqualTo("Triaging mail 12 of 150");
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");

        robot.clickOn("#inbox-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, run::cancelRequested);
        inbox.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#inbox-activity-line"))
                .isEqualTo("Stopped. Mails already triaged are kept; the next fetch carries on from there.");
        assertThat(visible(robot, "#inbox-cancel")).isFalse();
        assertThat(visible(robot, "#status-jobs")).isFalse();
        assertThat(robot.lookup("#inbox-fetch").queryButton().isDisabled()).isFalse();
    }

    @Test
    void a_label_edit_is_stored_by_the_service_and_shown_after_a_reload(FxRobot robot) throws TimeoutException {
        inbox.store(mail("bill").from("Kanzlei Weber").subject("Ihre Rechnung 2026-014")
                .received("2026-01-13T15:00:00Z").label(TriageCategory.INVOICE_OR_BILLING, 2).summary("Rechnung über 1.250 EUR.").build());
        open(robot, 1);
        robot.clickOn(cell(robot, "bill"));
        assertThat(text(robot, "#inbox-label-origin")).isEqualTo("Triaged by Hearth");

        ComboBox<TriageCategory> category = robot.lookup("#inbox-label-category").queryComboBox();
        ComboBox<Integer> priority = robot.lookup("#inbox-label-priority").queryComboBox();
        robot.interact(() -> {
            category.setValue(TriageCategory.COURT_OR_AUTHORITY);
            priority.setValue(5);
        });
        robot.clickOn("#inbox-label-save");

        FakeInboxService.Relabel relabel = inbox.nextRelabel();
        assertThat(relabel.mail().id()).isEqualTo("bill");
        assertThat(relabel.category()).isEqualTo(TriageCategory.COURT_OR_AUTHORITY);
        assertThat(relabel.priority()).isEqualTo(5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellText(robot, "bill").contains("✎ Your label"));
        assertThat(cellText(robot, "bill")).contains("Court/authority").doesNotContain("Invoice/billing");
        assertThat(priorityChip(robot, "bill")).isEqualTo("5");
        assertThat(text(robot, "#inbox-label-origin")).isEqualTo("✎ Your label – Hearth learns from it");

        // Opening the tab again reads the mails from the service.
        int loads = inbox.mailLoads();
        robot.clickOn("#nav-documents");
        robot.clickOn("#nav-inbox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inbox.mailLoads() > loads);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellText(robot, "bill")).contains("Court/authority", "✎ Your label");

        // A new window knows nothing but what the service stored.
        AtomicReference<javafx.stage.Stage> opened = new AtomicReference<>();
        robot.interact(() -> {
            opened.set(new javafx.stage.Stage());
            new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                    AppTabs.of(new FakeSummaryService(), new FakeExportService(), inbox, new FakeSearchService()), Locale.ENGLISH).show(opened.get());
        });
        javafx.stage.Stage second = opened.get();
        try {
            robot.clickOn(robot.from(second.getScene().getRoot()).lookup("#nav-inbox").<javafx.scene.Node>query());
            ListView<MailItem> list = robot.from(second.getScene().getRoot()).lookup("#inbox-list").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
            MailItem shown = list.getItems().getFirst();
            assertThat(shown.category()).isEqualTo(TriageCategory.COURT_OR_AUTHORITY);
            assertThat(shown.priority()).isEqualTo(5);
            assertThat(shown.corrected()).isTrue();
        } finally {
            robot.interact(second::close);
        }
    }

    @Test
    void the_filter_hides_other_categories_and_the_detail_shows_what_the_mail_holds(FxRobot robot) throws TimeoutException {
        String modelText = """
                Sehr geehrte Damen und Herren,

                in dem Rechtsstreit Berg ./. Müller wird Termin zur mündlichen Verhandlung bestimmt auf
                Donnerstag, 12.02.2026, 10:00 Uhr, Saal 214.

                > Zitat aus dem Schriftsatz vom 02.01.2026
                """;
        inbox.store(mail("court").from("Landgericht München I").subject("Ladung 12 O 3456/25")
                .received("2026-01-14T09:12:00Z").label(TriageCategory.COURT_OR_AUTHORITY, 5).needsReply()
                .summary("Termin zur mündlichen Verhandlung am 12.02.2026.")
                .reason("Gerichtliche Ladung mit Termin.").nextStep("Termin eintragen und Mandantin informieren.")
                // Far ahead, so which deadline the row shows next does not depend on the day the test runs.
                .deadline(LocalDate.of(2099, 2, 12), "Oral hearing", "Termin zur mündlichen Verhandlung am 12.02.2026, 10:00 Uhr")
                .deadline(LocalDate.of(2099, 2, 5), "Statement due", "Stellungnahme binnen drei Wochen")
                .fileNumber("12 O 3456/25").fileNumber("Az. K-2025-118")
                .attachment("Ladung.pdf", "application/pdf", 245_760)
                .to("Kanzlei Berg <post@kanzlei-berg.de>").to("Dr. Anna Berg <berg@kanzlei-berg.de>")
                .body("Sehr geehrte Damen und Herren, in dem Rechtsstreit Berg ./. Müller wird Termin bestimmt.")
                .modelText(modelText).build());
        inbox.store(mail("bill").from("Kanzlei Weber").subject("Rechnung").received("2026-01-13T15:00:00Z")
                .label(TriageCategory.INVOICE_OR_BILLING, 2).build());
        inbox.store(mail("advert").from("Kanzleibedarf24").subject("Angebote").received("2026-01-14T11:00:00Z")
                .label(TriageCategory.NEWSLETTER_OR_MARKETING, 1).build());
        inbox.store(mail("new").from("Dr. Anna Berg").subject("Rückfrage").received("2026-01-14T12:00:00Z").pending().build());
        open(robot, 4);

        ComboBox<Optional<TriageCategory>> filter = robot.lookup("#inbox-filter").queryComboBox();
        robot.interact(() -> filter.setValue(Optional.of(TriageCategory.INVOICE_OR_BILLING)));
        assertThat(ids(robot)).containsExactly("bill");
        robot.interact(() -> filter.setValue(Optional.of(TriageCategory.COURT_OR_AUTHORITY)));
        assertThat(ids(robot)).containsExactly("court");
        assertThat(filter.getButtonCell().getText()).isEqualTo("Court/authority");

        robot.clickOn(cell(robot, "court"));
        assertThat(text(robot, "#inbox-subject")).isEqualTo("Ladung 12 O 3456/25");
        assertThat(texts(robot, "#inbox-deadlines")).containsExactly(
                "12 Feb 2099 · Oral hearing", "“Termin zur mündlichen Verhandlung am 12.02.2026, 10:00 Uhr”",
                "5 Feb 2099 · Statement due", "“Stellungnahme binnen drei Wochen”");
        assertThat(texts(robot, "#inbox-file-numbers")).containsExactly("12 O 3456/25", "Az. K-2025-118");
        assertThat(texts(robot, "#inbox-attachments")).containsExactly("Ladung.pdf · application/pdf · 240 KB");
        assertThat(text(robot, "#inbox-next-step")).isEqualTo("Termin eintragen und Mandantin informieren.");
        assertThat(text(robot, "#inbox-from")).isEqualTo("Landgericht München I");
        assertThat(text(robot, "#inbox-to")).isEqualTo("To: Kanzlei Berg <post@kanzlei-berg.de>, Dr. Anna Berg <berg@kanzlei-berg.de>");
        assertThat(text(robot, "#inbox-body"))
                .isEqualTo("Sehr geehrte Damen und Herren, in dem Rechtsstreit Berg ./. Müller wird Termin bestimmt.");
        assertThat(visible(robot, "#inbox-body")).as("the mail shows as a mail").isTrue();
        TitledPane modelTextPane = robot.lookup("#inbox-model-text-pane").queryAs(TitledPane.class);
        assertThat(modelTextPane.isExpanded()).as("what the model read is folded away").isFalse();
        assertThat(modelTextPane.getText()).isEqualTo("What the model read");
        robot.clickOn(modelTextPane.lookup(".title"));
        assertThat(modelTextPane.isExpanded()).isTrue();
        assertThat(robot.lookup("#inbox-model-text").queryAs(TextArea.class).getText()).isEqualTo(modelText);
        assertThat(robot.lookup("#inbox-model-text").queryAs(TextArea.class).isEditable()).isFalse();
        assertThat(cellText(robot, "court")).as("the row shows the next deadline")
                .contains("Due 5 Feb", "Reply needed", "Ref. 12 O 3456/25");

        robot.interact(() -> filter.setValue(Optional.empty()));
        assertThat(ids(robot)).as("all categories, and the mail not triaged yet first").containsExactly("new", "court", "bill", "advert");
    }

    @Test
    void the_opened_mail_stays_selected_while_rows_change_and_only_opened_urgent_mails_leave_the_badge(FxRobot robot)
            throws TimeoutException {
        inbox.store(mail("court").from("Landgericht München I").subject("Ladung").received("2026-01-14T09:00:00Z")
                .label(TriageCategory.COURT_OR_AUTHORITY, 5).build());
        inbox.store(mail("client").from("Dr. Anna Berg").subject("Rückfrage").received("2026-01-14T08:00:00Z")
                .label(TriageCategory.CLIENT_REQUEST, 4).build());
        inbox.store(mail("internal").from("Sekretariat").subject("Urlaub").received("2026-01-13T08:00:00Z")
                .label(TriageCategory.INTERNAL, 2).build());
        open(robot, 3);
        assertThat(badge(robot)).isEqualTo("2");
        robot.clickOn(cell(robot, "client"));
        assertThat(badge(robot)).isEqualTo("1");

        // The run replaces the opened row (it moves down) and the urgent one the user has not opened.
        robot.clickOn("#inbox-fetch");
        FakeRun run = inbox.nextRun();
        run.mail(mail("client").from("Dr. Anna Berg").subject("Rückfrage").received("2026-01-14T08:00:00Z")
                .label(TriageCategory.CLIENT_REQUEST, 1).summary("Erledigt sich von selbst.").build());
        run.mail(mail("court").from("Landgericht München I").subject("Ladung").received("2026-01-14T09:00:00Z")
                .label(TriageCategory.COURT_OR_AUTHORITY, 5).summary("Termin am 12.02.").build());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ids(robot)).containsExactly("court", "internal", "client");
        assertThat(text(robot, "#inbox-subject")).isEqualTo("Rückfrage");
        assertThat(text(robot, "#inbox-summary")).isEqualTo("Erledigt sich von selbst.");
        assertThat(robot.lookup("#inbox-list").<MailItem>queryListView().getSelectionModel().getSelectedItem().id())
                .isEqualTo("client");
        assertThat(badge(robot)).as("rows changing open nothing").isEqualTo("1");

        robot.clickOn(cell(robot, "court"));
        assertThat(badgeLabel(robot).isVisible()).as("no urgent mail left unopened").isFalse();
    }

    @Test
    void new_mail_in_the_watched_folder_starts_a_run_and_one_more_after_it(FxRobot robot) throws TimeoutException {
        open(robot, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inbox.watching("acc-1"));

        inbox.announceNewMail("acc-1");
        FakeRun first = inbox.nextRun();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#inbox-cancel")).isTrue();

        inbox.announceNewMail("acc-1");
        first.report(listener -> listener.done(new Summary(1, 1, 0)));
        FakeRun second = inbox.nextRun();
        assertThat(second).isNotSameAs(first);
        assertThat(second.accountId()).isEqualTo("acc-1");
    }

    /** Opens the tab and waits until the service's mails are listed. */
    private static void open(FxRobot robot, int mails) throws TimeoutException {
        robot.clickOn("#nav-inbox");
        ListView<MailItem> list = robot.lookup("#inbox-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Kanzlei".equals(robot.lookup("#inbox-account").<Object>queryComboBox().getButtonCell().getText())
                        && list.getItems().size() == mails);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static MailItem triaged(MailItem pending, TriageCategory category, int priority, String summary) {
        return mail(pending.id()).from(pending.from()).subject(pending.subject()).received(pending.date().orElseThrow().toString())
                .label(category, priority).summary(summary).build();
    }

    private static List<String> ids(FxRobot robot) {
        ListView<MailItem> list = robot.lookup("#inbox-list").queryListView();
        AtomicReference<List<String>> ids = new AtomicReference<>();
        robot.interact(() -> ids.set(list.getItems().stream().map(MailItem::id).toList()));
        return ids.get();
    }

    static ListCell<?> cell(FxRobot robot, String id) {
        return robot.lookup("#inbox-list .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() instanceof MailItem mail && mail.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + id));
    }

    /** Everything the row says that the user can see. */
    static String cellText(FxRobot robot, String id) {
        return robot.from(cell(robot, id)).lookup(".label").<Labeled>queryAll().stream()
                .filter(Node::isVisible).map(Labeled::getText).reduce("", (a, b) -> a + " | " + b);
    }

    private static String priorityChip(FxRobot robot, String id) {
        return robot.from(cell(robot, id)).lookup(".priority-chip").queryLabeled().getText();
    }

    private static List<String> texts(FxRobot robot, String container) {
        return robot.from(robot.lookup(container).<Node>query()).lookup(".label").<Labeled>queryAll().stream()
                .map(Labeled::getText).toList();
    }

    private static String badge(FxRobot robot) {
        Labeled badge = badgeLabel(robot);
        assertThat(badge.isVisible()).as("the badge shows").isTrue();
        return badge.getText();
    }

    private static Labeled badgeLabel(FxRobot robot) {
        Node entry = robot.lookup("#nav-inbox").query();
        return robot.from(entry.getParent()).lookup(".rail-badge").queryLabeled();
    }
}
