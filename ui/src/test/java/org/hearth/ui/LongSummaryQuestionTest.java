package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.cellText;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob.LongJob;
import org.hearth.ui.service.SummaryJob.Progress;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.settings.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A summary estimated to take long asks first (all, the first pages, or not at all); a running one says how long it still needs. */
@ExtendWith(ApplicationExtension.class)
class LongSummaryQuestionTest {

    private static final LongJob LONG = new LongJob(40, true, 300, true, 37, 5);

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeSettingsService settings = new FakeSettingsService("en", Theme.LIGHT);

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), settings,
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void a_long_summary_asks_first_and_only_the_first_pages_run_when_chosen(FxRobot robot) {
        drop(robot, "akte.pdf");
        assertThat(visible(robot, "#documents-longjob")).as("no question before an estimate").isFalse();

        summaries.report(0, listener -> {
            listener.state(State.AWAITING_CHOICE);
            listener.longJob(LONG);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visible(robot, "#documents-longjob")).isTrue();
        assertThat(text(robot, "#documents-longjob-question")).isEqualTo("Summarising all 300 pages takes about 40 min on this machine.");
        assertThat(visible(robot, "#documents-longjob-rough")).isTrue();
        assertThat(text(robot, "#documents-longjob-rough")).contains("rough estimate");
        assertThat(text(robot, "#documents-longjob-all")).isEqualTo("Summarise all (about 40 min)");
        assertThat(text(robot, "#documents-longjob-first")).isEqualTo("Only the first 37 pages (about 5 min)");
        assertThat(cellText(robot, "akte.pdf")).contains("Long document: waiting for your choice");

        robot.clickOn("#documents-longjob-first");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.call(0).job().proceeded()).containsExactly(OptionalInt.of(37));
        assertThat(visible(robot, "#documents-longjob")).as("answered once, asked no more").isFalse();
    }

    @Test
    void choosing_all_runs_everything_and_cancel_in_the_question_cancels(FxRobot robot) {
        drop(robot, "akte.pdf");
        summaries.report(0, listener -> {
            listener.state(State.AWAITING_CHOICE);
            listener.longJob(new LongJob(40, false, 120, false, 15, 5));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-longjob-question")).isEqualTo("Summarising all 120 paragraphs takes about 40 min on this machine.");
        assertThat(visible(robot, "#documents-longjob-rough")).as("a measured speed is no rough estimate").isFalse();

        robot.clickOn("#documents-longjob-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summaries.call(0).job().proceeded()).containsExactly(OptionalInt.empty());

        drop(robot, "zweite.pdf");
        summaries.report(1, listener -> {
            listener.state(State.AWAITING_CHOICE);
            listener.longJob(LONG);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#documents-longjob-cancel");
        summaries.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.call(1).job().cancelRequested()).isTrue();
        assertThat(summaries.call(1).job().proceeded()).isEmpty();
        assertThat(cellText(robot, "zweite.pdf")).contains("Cancelled");
    }

    @Test
    void the_progress_says_how_long_is_left_in_english_and_german(FxRobot robot) {
        drop(robot, "akte.pdf");
        summaries.report(0, listener -> {
            listener.progress(new Progress(State.SUMMARISING, 3, 40));
            listener.remaining(Duration.ofSeconds(11 * 60 + 5));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visible(robot, "#documents-remaining")).isTrue();
        assertThat(text(robot, "#documents-remaining")).isEqualTo("about 12 min left");

        robot.clickOn("#nav-settings");
        ComboBox<UiLanguage> language = robot.lookup("#settings-language").queryComboBox();
        robot.interact(() -> language.setValue(UiLanguage.GERMAN));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-documents");
        summaries.report(0, listener -> listener.remaining(Duration.ofSeconds(30)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#documents-remaining")).isEqualTo("noch etwa 1 Min.");

        summaries.report(0, listener -> listener.state(State.DONE));
        summaries.report(0, listener -> listener.done(new org.hearth.ui.service.SummaryJob.Result("Text", org.hearth.domain.Language.GERMAN, 40, java.util.List.of(), java.util.Optional.empty())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#documents-remaining")).as("nothing left once done").isFalse();
    }

    private void drop(FxRobot robot, String name) {
        Node queue = robot.lookup("#documents-queue").query();
        Drops.drop(robot, queue, Path.of(name));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
