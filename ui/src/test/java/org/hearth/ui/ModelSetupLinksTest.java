package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.cellText;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.ModelService.Offer;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file that waits in vain for a model says a model is needed and leads to the set-up page; the settings choose
 * among the installed models and lead there too, to get another one.
 */
@ExtendWith(ApplicationExtension.class)
class ModelSetupLinksTest {

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeModelService models = new FakeModelService(new ModelState.None());
    private final FakeSettingsService settings = new FakeSettingsService("de", Theme.LIGHT);

    @Start
    void start(Stage stage) {
        new MainWindow(models, settings,
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.GERMAN)
                .show(stage);
    }

    @Test
    void a_file_without_a_model_says_one_is_needed_and_leads_to_set_up(FxRobot robot) {
        Drops.drop(robot, robot.lookup("#firstrun-model").query(), Path.of("vertrag.pdf"));
        summaries.report(0, listener -> {
            listener.state(State.FAILED);
            listener.failed(new Failure(Failure.Reason.NO_MODEL, "vertrag.pdf", "No model is installed."));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cellText(robot, "vertrag.pdf")).contains("Modell nötig").doesNotContain("ausgefallen");
        assertThat(text(robot, "#documents-failure")).startsWith("vertrag.pdf wartet auf ein Modell");
        assertThat(visible(robot, "#documents-setup")).isTrue();
        robot.clickOn("#documents-setup");
        assertThat(visible(robot, "#firstrun-download")).isTrue();
    }

    @Test
    void settings_choose_an_installed_model_and_lead_to_getting_another(FxRobot robot) throws InterruptedException {
        models.installed = List.of("Qwen3.5-2B-Q4_K_M.gguf", "Qwen3.5-4B-Q4_K_M.gguf");
        models.announce(new ModelState.Ready("Qwen3.5-2B-Q4_K_M.gguf"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#nav-setup")).as("no set-up once a model is ready").isFalse();

        robot.clickOn("#nav-settings");
        ComboBox<String> model = robot.lookup("#settings-model").queryComboBox();
        assertThat(model.getItems()).containsExactly("", "Qwen3.5-2B-Q4_K_M.gguf", "Qwen3.5-4B-Q4_K_M.gguf");
        assertThat(model.getButtonCell().getText()).isEqualTo("Automatisch: das größte installierte Modell");
        robot.interact(() -> model.setValue("Qwen3.5-4B-Q4_K_M.gguf"));
        robot.clickOn("#settings-save");
        assertThat(settings.nextSave().model()).isEqualTo("Qwen3.5-4B-Q4_K_M.gguf");

        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-more-models");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-save").tryQuery()).as("the dialog made way").isEmpty();
        assertThat(visible(robot, "#firstrun-download")).isTrue();
        assertThat(visible(robot, "#nav-setup")).isTrue();

        ChoiceBox<Offer> choice = FirstRunTest.choiceBox(robot, "#firstrun-choice");
        Label shown = (Label) choice.lookup(".label");
        assertThat(shown.getText()).as("the recommended size first").isEqualTo("Qwen3.5 4B · 2,7 GB");
        assertThat(choice.getItems()).extracting(Offer::modelName)
                .containsExactly("Qwen3.5 2B", "Qwen3.5 4B", "EmbeddingGemma 300M");
        robot.interact(() -> choice.setValue(choice.getItems().get(2)));
        assertThat(shown.getText()).startsWith("Suchmodell EmbeddingGemma 300M");
        robot.clickOn("#firstrun-download");
        robot.interact(() -> choice.setValue(choice.getItems().getFirst()));
        robot.clickOn("#firstrun-download");
        assertThat(models.downloaded).containsExactly("embeddinggemma-300m-q8_0", "qwen3.5-2b-q4_k_m");
    }
}
