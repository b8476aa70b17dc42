package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.settings.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** No model yet: the first-run panel recommends one, downloads it with pause / resume / cancel. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {

    private static final long TOTAL = 2_900_000_000L;

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeModelService models = new FakeModelService(new ModelState.None());

    @Start
    void start(Stage stage) {
        new MainWindow(models, new FakeSettingsService("", Theme.SYSTEM),
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH)
                .show(stage);
    }

    @Test
    void recommends_a_model_and_drives_its_download(FxRobot robot) {
        assertThat(visible(robot, "#firstrun-privacy")).isTrue();
        assertThat(text(robot, "#firstrun-privacy")).contains("Your data stays on this computer.");
        assertThat(text(robot, "#firstrun-model")).isEqualTo("Qwen3.5 4B · 2.7 GB download");
        assertThat(text(robot, "#firstrun-reason")).startsWith("16 GB memory → Qwen3.5 4B");
        assertThat(text(robot, "#status-model")).isEqualTo("No model installed");
        Label choice = robot.lookup("#firstrun-choice-label").queryAs(Label.class);
        assertThat(choice.getHeight()).as("the model choice's label stays on one line, not one letter per line")
                .isLessThan(2 * choice.getFont().getSize() + 4);

        robot.clickOn("#firstrun-download");
        assertThat(models.downloads).hasValue(1);
        assertThat(models.downloaded).as("the recommended size unless another is chosen").containsExactly("qwen3.5-4b-q4_k_m");
        models.announce(new ModelState.Downloading("Qwen3.5 4B", TOTAL / 4, TOTAL, 12.5 * 1024 * 1024, 150, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#firstrun-progress").queryAs(ProgressBar.class).getProgress()).isCloseTo(0.25, Offset.offset(1e-9));
        assertThat(text(robot, "#firstrun-progress-line")).isEqualTo("0.7 of 2.7 GB · 12.5 MB/s · about 3 min left");
        assertThat(text(robot, "#status-model")).isEqualTo("Qwen3.5 4B · downloading 25%");
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");
        assertThat(visible(robot, "#firstrun-download")).isFalse();

        robot.clickOn("#firstrun-pause");
        assertThat(models.pauses).hasValue(1);
        models.announce(new ModelState.Downloading("Qwen3.5 4B", TOTAL / 4, TOTAL, 0, -1, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#firstrun-progress-line")).isEqualTo("Paused at 0.7 of 2.7 GB");
        robot.clickOn("#firstrun-resume");
        assertThat(models.downloads).hasValue(2);
        assertThat(models.downloaded).as("resuming the same model").containsExactly("qwen3.5-4b-q4_k_m", "qwen3.5-4b-q4_k_m");

        robot.clickOn("#firstrun-cancel");
        assertThat(models.cancels).hasValue(1);
        models.announce(new ModelState.None());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#firstrun-download")).isTrue();
        assertThat(visible(robot, "#status-jobs")).isFalse();
    }

    @Test
    void files_dropped_meanwhile_wait_for_the_model_and_setup_ends_when_it_is_ready(FxRobot robot) {
        Drops.drop(robot, robot.lookup("#firstrun-model").query(), Path.of("vertrag.pdf"));
        assertThat(summaries.calls()).hasSize(1);
        assertThat(visible(robot, "#documents-queue")).as("the dropped file is shown").isTrue();
        assertThat(visible(robot, "#nav-setup")).as("setup stays reachable").isTrue();

        robot.clickOn("#nav-setup");
        assertThat(text(robot, "#firstrun-waiting"))
                .isEqualTo("1 file is waiting and will be summarised as soon as the model is ready.");

        assertThat(shownChoice(robot)).isEqualTo("Qwen3.5 4B · 2.7 GB");
        robot.interact(() -> choiceBox(robot, "#firstrun-language").setValue(UiLanguage.GERMAN));
        assertThat(shownChoice(robot)).as("the choice is worded again in the new language").isEqualTo("Qwen3.5 4B · 2,7 GB");
        assertThat(text(robot, "#firstrun-reason")).startsWith("16 GB Arbeitsspeicher");
        assertThat(text(robot, "#firstrun-model")).isEqualTo("Qwen3.5 4B · 2,7 GB Download");

        models.announce(new ModelState.Loading("Qwen3.5 4B", 0.63));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-model")).isEqualTo("Qwen3.5 4B · wird geladen 63\u00a0%");
        assertThat(visible(robot, "#nav-setup")).isFalse();
        assertThat(visible(robot, "#documents-queue")).isTrue();
    }

    /** What the size choice shows on its face (the choice box's own label). */
    private static String shownChoice(FxRobot robot) {
        return ((Label) choiceBox(robot, "#firstrun-choice").lookup(".label")).getText();
    }

    @SuppressWarnings("unchecked")
    static <T> ChoiceBox<T> choiceBox(FxRobot robot, String query) {
        return (ChoiceBox<T>) robot.lookup(query).queryAs(ChoiceBox.class);
    }
}
