package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Servers & privacy" in the settings: a server added with its key, a kind of job allowed to go there. */
@ExtendWith(ApplicationExtension.class)
class PrivacySettingsTest {

    private final FakeRoutingService routing = new FakeRoutingService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                Optional.of(routing), AppTabs.of(new FakeSummaryService(), new FakeExportService(), new FakeInboxService(),
                new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void a_server_is_added_with_its_key_and_summaries_are_allowed_to_go_there(FxRobot robot) throws Exception {
        openPrivacySettings(robot);
        robot.clickOn("#settings-target-name").write("Kanzlei-Server");
        robot.clickOn("#settings-target-url").write("http://10.0.0.5:8080/v1");
        robot.clickOn("#settings-target-model").write("qwen3.5-27b");
        robot.clickOn("#settings-target-key").write("sk-firm-123");
        robot.clickOn("#settings-target-add");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-targets").queryAs(ListView.class).getItems().size() == 1);

        assertThat(routing.targets()).containsExactly(new Target("Kanzlei-Server", TargetKind.FIRM, URI.create("http://10.0.0.5:8080/v1"),
                "qwen3.5-27b", 8192, true, Optional.empty(), Optional.empty()));
        assertThat(routing.key("Kanzlei-Server")).isEqualTo("sk-firm-123");
        assertThat(robot.lookup("#settings-target-key").queryAs(PasswordField.class).getText()).as("the key leaves the form").isEmpty();
        assertThat(robot.lookup(".list-cell .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(line -> assertThat(line).startsWith("Kanzlei-Server – the firm’s own server, qwen3.5-27b"));

        robot.clickOn("#settings-policy-summary");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(cell -> "Kanzlei-Server".equals(((ListCell<?>) cell).getText()))
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> routing.allowed(JobClass.SUMMARY).isPresent());

        assertThat(routing.allowed(JobClass.SUMMARY)).contains("Kanzlei-Server");
        assertThat(routing.allowed(JobClass.TRIAGE)).as("only the kind chosen").isEmpty();
        assertThat(robot.lookup("#settings-policy-triage").queryAs(ComboBox.class).getButtonCell().getText()).isEqualTo("Only on this computer");
        assertThat(routing.withoutAsking(JobClass.SUMMARY)).as("never without asking by default").isFalse();
        assertThat(robot.lookup("#settings-unasked-triage").queryAs(CheckBox.class).isDisabled()).as("a local job sends nothing").isTrue();

        robot.clickOn("#settings-unasked-summary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> routing.withoutAsking(JobClass.SUMMARY));
        assertThat(routing.allowed(JobClass.SUMMARY)).contains("Kanzlei-Server");

        assertThat(routing.keepsSentText()).as("the log keeps no text by default").isFalse();
        robot.clickOn("#settings-keep-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, routing::keepsSentText);
    }

    @Test
    void a_cloud_server_is_always_anonymised_and_a_bad_context_is_named(FxRobot robot) {
        openPrivacySettings(robot);
        CheckBox anonymise = robot.lookup("#settings-target-anonymise").queryAs(CheckBox.class);
        robot.interact(() -> anonymise.setSelected(false));
        @SuppressWarnings("unchecked")
        ComboBox<TargetKind> kind = robot.lookup("#settings-target-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(TargetKind.CLOUD));

        assertThat(anonymise.isSelected()).isTrue();
        assertThat(anonymise.isDisabled()).isTrue();

        robot.clickOn("#settings-target-name").write("Cloud");
        robot.clickOn("#settings-target-url").write("https://api.example.com/v1");
        robot.clickOn("#settings-target-model").write("big");
        robot.doubleClickOn("#settings-target-context").write("viele");
        robot.clickOn("#settings-target-add");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settings-targets-problem").queryAs(Label.class).getText())
                .isEqualTo("“viele” is not a number of tokens; write e.g. 8192.");
        assertThat(routing.targets()).isEmpty();
    }

    private static void openPrivacySettings(FxRobot robot) {
        robot.clickOn("#nav-settings");
        robot.clickOn("Servers & privacy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-targets").queryAs(ListView.class).getItems()).isEqualTo(List.of());
    }
}
