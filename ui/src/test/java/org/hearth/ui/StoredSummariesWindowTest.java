package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.cell;
import static org.hearth.ui.DocumentsWindowTest.cellRemove;
import static org.hearth.ui.DocumentsWindowTest.cellText;
import static org.hearth.ui.DocumentsWindowTest.summary;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.ui.documents.DocumentItem;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens as after a restart, over summaries kept from earlier runs: they are listed, reopen and delete. */
@ExtendWith(ApplicationExtension.class)
class StoredSummariesWindowTest {

    private static final List<Locator> VERTRAG_CITATIONS = List.of(Locator.page(2), new Locator(Locator.Unit.PAGE, 7, 8));
    private static final StoredSummary VERTRAG = new StoredSummary(7, Path.of("/akten/vertrag.pdf"), SummaryStyle.KEY_POINTS,
            Optional.of(Language.GERMAN), 12, "- Miete 1.200 EUR (S. 2)\n- Kündigung mit drei Monaten Frist (S. 7–8)",
            VERTRAG_CITATIONS, false, Instant.parse("2026-12-02T10:00:00Z"), StoredSummary.Source.UNCHANGED);
    private static final StoredSummary GUTACHTEN = new StoredSummary(3, Path.of("/akten/gutachten.docx"), SummaryStyle.BRIEF,
            Optional.empty(), 40, "Das Gutachten stellt fest, ", List.of(), true, Instant.parse("2026-12-01T16:30:00Z"),
            StoredSummary.Source.MISSING);
    private static final StoredSummary ANLAGE = new StoredSummary(2, Path.of("/akten/anlage.pdf"), SummaryStyle.BRIEF,
            Optional.of(Language.GERMAN), 3, "Die Anlage listet die Mängel (S. 1–3).", List.of(new Locator(Locator.Unit.PAGE, 1, 3)),
            false, Instant.parse("2026-11-30T08:00:00Z"), StoredSummary.Source.CHANGED);

    private final FakeSummaryService summaries = new FakeSummaryService(VERTRAG, GUTACHTEN, ANLAGE);

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void kept_summaries_are_listed_newest_first_and_reopen_with_their_text_and_citations(FxRobot robot) throws Exception {
        assertThat(listed(robot, 3)).containsExactly("vertrag.pdf", "gutachten.docx", "anlage.pdf");
        assertThat(cellText(robot, "vertrag.pdf")).as("when it was written").contains("Done · 2 Dec 2026, ");
        assertThat(cellText(robot, "gutachten.docx")).contains("Cancelled · 1 Dec 2026, ");

        robot.clickOn(cell(robot, "vertrag.pdf"));
        assertThat(text(robot, "#documents-detail-title")).isEqualTo("vertrag.pdf");
        assertThat(summary(robot)).isEqualTo(VERTRAG.text());
        assertThat(robot.lookup("#documents-export").queryAs(Node.class).isDisabled()).as("a finished summary exports").isFalse();
        assertThat(visible(robot, "#documents-source")).as("the file is as it was").isFalse();
        assertThat(visible(robot, "#documents-partial")).isFalse();
        SummaryJob.Result result = ((DocumentItem) cell(robot, "vertrag.pdf").getItem()).resultProperty().get();
        assertThat(result).isEqualTo(new SummaryJob.Result(VERTRAG.text(), Language.GERMAN, 12, VERTRAG_CITATIONS));

        robot.clickOn(cell(robot, "gutachten.docx"));
        assertThat(summary(robot)).isEqualTo("Das Gutachten stellt fest, ");
        assertThat(visible(robot, "#documents-partial")).as("kept partial stays marked partial").isTrue();
        assertThat(text(robot, "#documents-source"))
                .isEqualTo("gutachten.docx is no longer at " + GUTACHTEN.file() + ". The summary is shown as it was written.");
        assertThat(robot.lookup("Summarise again").queryButton().isDisabled()).as("there is nothing to read again").isTrue();
        assertThat(robot.lookup("#documents-export").queryAs(Node.class).isDisabled()).isTrue();

        robot.clickOn(cell(robot, "anlage.pdf"));
        assertThat(text(robot, "#documents-source")).startsWith("anlage.pdf has changed since this summary was written.");
        assertThat(robot.lookup("Summarise again").queryButton().isDisabled()).isFalse();
    }

    @Test
    void deleting_a_kept_summary_asks_first_and_then_removes_it_from_the_list_and_the_store(FxRobot robot) throws Exception {
        listed(robot, 3);
        Button remove = cellRemove(robot, "vertrag.pdf");
        assertThat(remove.getTooltip().getText()).isEqualTo("Delete this summary");

        robot.clickOn(remove);
        assertThat(dialogText(robot)).startsWith("Delete the summary of vertrag.pdf?");
        robot.clickOn(dialogButton(robot, "Keep"));
        assertThat(listedNow(robot)).contains("vertrag.pdf");

        robot.clickOn(cellRemove(robot, "vertrag.pdf"));
        robot.clickOn(dialogButton(robot, "Delete"));

        assertThat(summaries.nextDeleted()).isEqualTo(VERTRAG.id());
        assertThat(listedNow(robot)).containsExactly("gutachten.docx", "anlage.pdf");
        assertThat(summaries.storedSummaries()).extracting(StoredSummary::id).containsExactly(GUTACHTEN.id(), ANLAGE.id());
    }

    @Test
    void a_summary_written_now_is_kept_so_removing_it_deletes_it_and_summarising_again_replaces_it(FxRobot robot) throws Exception {
        listed(robot, 3);
        Drops.drop(robot, robot.lookup("#documents-queue").query(), Path.of("mahnung.pdf"));
        summaries.report(0, listener -> {
            listener.text("Die Mahnung fordert 300 EUR (S. 1).");
            listener.stored(11);
            listener.done(new SummaryJob.Result("Die Mahnung fordert 300 EUR (S. 1).", Language.GERMAN, 1, List.of(Locator.page(1))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellRemove(robot, "mahnung.pdf").getTooltip().getText()).isEqualTo("Delete this summary");

        robot.clickOn("Summarise again");
        summaries.report(1, listener -> {
            listener.stored(12);
            listener.done(new SummaryJob.Result("Die Mahnung fordert 300 EUR bis 15.12. (S. 1).", Language.GERMAN, 1, List.of(Locator.page(1))));
        });
        assertThat(summaries.nextDeleted()).as("the summary it replaced").isEqualTo(11);

        robot.clickOn(cellRemove(robot, "mahnung.pdf"));
        robot.clickOn(dialogButton(robot, "Delete"));
        assertThat(summaries.nextDeleted()).isEqualTo(12);
        assertThat(listedNow(robot)).doesNotContain("mahnung.pdf");
    }

    /** Waits until the kept summaries, read in the background, are listed; returns the file names in list order. */
    private static List<String> listed(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue(robot).getItems().size() == count);
        return listedNow(robot);
    }

    private static List<String> listedNow(FxRobot robot) {
        return queue(robot).getItems().stream().map(DocumentItem::fileName).toList();
    }

    private static ListView<DocumentItem> queue(FxRobot robot) {
        return robot.lookup("#documents-queue").query();
    }

    private static String dialogText(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane .content").queryLabeled().getText();
    }

    private static Button dialogButton(FxRobot robot, String label) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no dialog button " + label));
    }
}
