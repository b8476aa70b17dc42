package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.cellText;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A protected PDF asks for its password and is summarised again with it; failures name the file. */
@ExtendWith(ApplicationExtension.class)
class PasswordFlowTest {

    private final FakeSummaryService summaries = new FakeSummaryService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("de", Theme.LIGHT),
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void password_required_shows_the_field_and_retry_sends_the_password(FxRobot robot) {
        Drops.drop(robot, robot.lookup("#documents-queue").query(), Path.of("vertrag.pdf"));
        summaries.report(0, listener -> listener.failed(new Failure(Failure.Reason.PASSWORD_REQUIRED, "vertrag.pdf", "")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#documents-failure"))
                .isEqualTo("vertrag.pdf ist passwortgeschützt – bitte geben Sie das Passwort ein.");
        assertThat(cellText(robot, "vertrag.pdf")).contains("Passwort erforderlich");
        assertThat(visible(robot, "#documents-password")).isTrue();
        assertThat(visible(robot, "#documents-summary")).isFalse();

        robot.clickOn("#documents-password").write("geheim");
        robot.clickOn("#documents-retry");

        assertThat(summaries.calls()).hasSize(2);
        assertThat(summaries.call(1).file()).isEqualTo(Path.of("vertrag.pdf"));
        assertThat(summaries.call(1).options().password()).isEqualTo(Optional.of("geheim"));
        assertThat(summaries.call(1).options().style()).isEqualTo(SummaryStyle.BRIEF);
        assertThat(cellText(robot, "vertrag.pdf")).contains("In der Warteschlange");
        assertThat(visible(robot, "#documents-failure")).isFalse();

        summaries.report(1, listener -> listener.failed(new Failure(Failure.Reason.WRONG_PASSWORD, "vertrag.pdf", "")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#documents-failure"))
                .isEqualTo("Das Passwort für vertrag.pdf stimmt nicht – bitte versuchen Sie es erneut.");
        assertThat(visible(robot, "#documents-password")).isTrue();
    }

    @Test
    void a_scan_without_text_is_named_and_explained(FxRobot robot) {
        Drops.drop(robot, robot.lookup("#documents-queue").query(), Path.of("scan.pdf"));
        summaries.report(0, listener -> listener.failed(new Failure(Failure.Reason.NO_TEXT, "scan.pdf", "0 characters on 4 pages")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#documents-failure"))
                .isEqualTo("In scan.pdf wurde kein Text erkannt: ein Scan ohne lesbare Schrift.");
        assertThat(visible(robot, "#documents-password")).isFalse();
    }
}
