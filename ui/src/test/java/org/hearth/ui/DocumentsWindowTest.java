package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.TextLimitReached;
import org.hearth.ui.documents.DocumentItem;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.Progress;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.settings.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drop files on the window, watch a summary stream in, cancel another file, switch to German. */
@ExtendWith(ApplicationExtension.class)
class DocumentsWindowTest {

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeModelService models = new FakeModelService(new ModelState.Ready("Qwen3.5 4B"));
    private final FakeSettingsService settings = new FakeSettingsService("en", Theme.LIGHT);

    @Start
    void start(Stage stage) {
        new MainWindow(models, settings,
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void dropped_file_is_queued_and_its_summary_streams_in(FxRobot robot) {
        Node queue = robot.lookup("#documents-queue").query();
        Drops.dragOver(robot, queue, Path.of("vertrag.pdf"));
        assertThat(robot.lookup("#drop-overlay").query().isVisible()).as("overlay while dragging").isTrue();

        Drops.drop(robot, queue, Path.of("vertrag.pdf"));
        assertThat(robot.lookup("#drop-overlay").query().isVisible()).isFalse();
        assertThat(summaries.calls()).hasSize(1);
        assertThat(summaries.call(0).file()).isEqualTo(Path.of("vertrag.pdf"));
        assertThat(cellText(robot, "vertrag.pdf")).contains("Queued");

        summaries.report(0, listener -> listener.progress(new Progress(State.READING, 41, 300)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-status")).isEqualTo("Reading page 41 of 300");
        assertThat(robot.lookup("#documents-progress").queryAs(ProgressBar.class).getProgress()).isCloseTo(41 / 300.0,
                org.assertj.core.data.Offset.offset(1e-9));

        summaries.report(0, listener -> {
            listener.progress(new Progress(State.SUMMARISING, 2, 12));
            listener.text("Der Mieter zahlt ");
            listener.text("monatlich 1.200 EUR (S. 2).");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-status")).isEqualTo("Summarising part 3 of 12");
        assertThat(summary(robot)).isEqualTo("Der Mieter zahlt monatlich 1.200 EUR (S. 2).");
        assertThat(cellText(robot, "vertrag.pdf")).contains("Summarising part 3 of 12");

        summaries.report(0, listener -> listener.done(new SummaryJob.Result(
                "Der Mieter zahlt monatlich 1.200 EUR (S. 2). Kündigung mit drei Monaten Frist (S. 7).", Language.GERMAN, 12, List.of(),
                Optional.empty())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summary(robot)).endsWith("(S. 7).");
        assertThat(visible(robot, "#documents-limit")).as("a document read whole has no note").isFalse();
        assertThat(cellText(robot, "vertrag.pdf")).contains("Done");
        assertThat(robot.lookup("#documents-export").queryAs(Node.class).isDisabled()).isFalse();
    }

    @Test
    void second_file_is_cancelled_with_its_button_and_language_switches_to_german(FxRobot robot) throws Exception {
        Node queue = robot.lookup("#documents-queue").query();
        Drops.drop(robot, queue, Path.of("vertrag.pdf"), Path.of("bild.png"), Path.of("anlage.docx"));
        assertThat(summaries.calls()).extracting(FakeSummaryService.Call::file)
                .containsExactly(Path.of("vertrag.pdf"), Path.of("anlage.docx"));
        assertThat(text(robot, "#documents-notes .label")).isEqualTo("bild.png cannot be summarised: Hearth reads PDF, DOCX, TXT.");
        assertThat(text(robot, "#status-jobs")).isEqualTo("2 jobs running");

        robot.clickOn(cellCancel(robot, "anlage.docx"));
        summaries.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summaries.call(1).job().cancelRequested()).isTrue();
        assertThat(summaries.call(0).job().cancelRequested()).isFalse();
        assertThat(cellText(robot, "anlage.docx")).contains("Cancelled");
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");

        robot.clickOn("#nav-settings");
        ComboBox<UiLanguage> language = robot.lookup("#settings-language").queryComboBox();
        robot.interact(() -> language.setValue(UiLanguage.GERMAN));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(settings.nextSave().language()).isEqualTo("de");
        assertThat(text(robot, "#nav-documents")).isEqualTo("Dokumente");
        assertThat(text(robot, "#documents-choose")).isEqualTo("Datei wählen…");
        assertThat(text(robot, "#status-privacy")).isEqualTo("Nur lokal");
        assertThat(text(robot, "#status-model")).isEqualTo("Qwen3.5 4B · bereit");
        assertThat(text(robot, "#status-memory")).isEqualTo("Speicher 3,2 GB");
        assertThat(cellText(robot, "anlage.docx")).contains("Abgebrochen");
        assertThat(cellText(robot, "vertrag.pdf")).contains("In der Warteschlange");
        assertThat(text(robot, "#documents-notes .label")).startsWith("bild.png kann nicht zusammengefasst werden");
        assertThat(robot.lookup("#documents-style").queryComboBox().getButtonCell().getText()).isEqualTo("Kurz");
        assertThat(summaries.calls()).as("the queue survived the switch").hasSize(2);
    }

    @Test
    void long_summary_counts_from_part_one_selects_the_new_file_and_keeps_its_text_when_cancelled(FxRobot robot) {
        Node queue = robot.lookup("#documents-queue").query();
        Drops.drop(robot, queue, Path.of("vertrag.pdf"));
        Drops.drop(robot, queue, Path.of("gutachten.pdf"));
        assertThat(text(robot, "#documents-detail-title")).as("the file just added shows").isEqualTo("gutachten.pdf");

        summaries.report(1, listener -> listener.progress(new Progress(State.SUMMARISING, 0, 41)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-status")).isEqualTo("Summarising part 1 of 41");
        summaries.report(1, listener -> listener.progress(new Progress(State.SUMMARISING, 41, 41)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-status")).as("never past the last part").isEqualTo("Summarising part 41 of 41");

        summaries.report(1, listener -> listener.text("Das Gutachten stellt fest, "));
        Button cancel = cellCancel(robot, "gutachten.pdf");
        assertThat(cancel.getText()).isEqualTo("Cancel");
        assertThat(cancel.getTooltip().getText()).contains("what was written so far stays");
        assertThat(cellRemove(robot, "gutachten.pdf").isVisible()).as("no remove while it runs").isFalse();
        robot.clickOn(cancel);
        summaries.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.call(1).job().cancelRequested()).isTrue();
        assertThat(summary(robot)).isEqualTo("Das Gutachten stellt fest, ");
        assertThat(visible(robot, "#documents-partial")).isTrue();
        assertThat(text(robot, "#documents-partial")).startsWith("Partial – cancelled");
        assertThat(cellRemove(robot, "gutachten.pdf").isVisible()).isTrue();
        assertThat(cellCancel(robot, "gutachten.pdf").isVisible()).isFalse();

        robot.clickOn(cellRemove(robot, "gutachten.pdf"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-detail-title")).isEqualTo("vertrag.pdf");
        assertThat(visible(robot, "#documents-partial")).as("no mark on an unfinished, uncancelled job").isFalse();
    }

    @Test
    void a_summary_of_a_document_cut_at_the_text_limit_says_up_to_which_page_in_either_language(FxRobot robot) {
        Drops.drop(robot, robot.lookup("#documents-queue").query(), Path.of("anlagen.pdf"));
        summaries.report(0, listener -> listener.done(new SummaryJob.Result("Die Anlagen wiederholen den Mietvertrag (S. 3).",
                Language.GERMAN, 3000, List.of(), Optional.of(new TextLimitReached(Locator.Unit.PAGE, 123, 3000, 12_000_000)))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visible(robot, "#documents-limit")).isTrue();
        assertThat(text(robot, "#documents-limit")).isEqualTo("Only the text up to page 123 of 3,000 was read: the rest was left out "
                + "because Hearth takes at most 12,000,000 characters from one document.");

        robot.clickOn("#nav-settings");
        ComboBox<UiLanguage> language = robot.lookup("#settings-language").queryComboBox();
        robot.interact(() -> language.setValue(UiLanguage.GERMAN));
        robot.clickOn("#settings-save");
        robot.clickOn("#nav-documents");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#documents-limit")).isEqualTo("Nur der Text bis Seite 123 von 3.000 wurde gelesen: Der Rest wurde "
                + "weggelassen, weil Hearth aus einem Dokument höchstens 12.000.000 Zeichen übernimmt.");
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** Whether the user can see it: the node and all its parents are visible. */
    static boolean visible(FxRobot robot, String query) {
        for (Node node = robot.lookup(query).query(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static String summary(FxRobot robot) {
        return robot.lookup("#documents-summary").queryAs(TextArea.class).getText();
    }

    static ListCell<?> cell(FxRobot robot, String fileName) {
        return robot.lookup(".list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() instanceof DocumentItem item && item.fileName().equals(fileName))
                .findFirst().orElseThrow(() -> new AssertionError("no queue row for " + fileName));
    }

    /** Everything the row says, so a test can check its state line. */
    static String cellText(FxRobot robot, String fileName) {
        return robot.from(cell(robot, fileName)).lookup(".label").<Labeled>queryAll().stream()
                .map(Labeled::getText).reduce("", (a, b) -> a + " | " + b);
    }

    static Button cellCancel(FxRobot robot, String fileName) {
        return robot.from(cell(robot, fileName)).lookup(".queue-cancel").queryButton();
    }

    static Button cellRemove(FxRobot robot, String fileName) {
        return robot.from(cell(robot, fileName)).lookup(".queue-remove").queryButton();
    }
}
