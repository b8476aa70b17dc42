package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.hearth.ui.drafting.DraftingView;
import org.hearth.ui.service.DraftingService.DraftJob;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Drafts tab on a stand-in service: templates from the folder in the settings, sources dropped on the tab, a
 * draft with its progress and cancel, the review form with each field's status and evidence, and saving what the
 * user accepted.
 */
@ExtendWith(ApplicationExtension.class)
class DraftingTabTest {

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeDraftingService drafting = new FakeDraftingService(Map.of(DraftingFields.FOLDER,
            List.of(DraftingFields.EXTENSION, DraftingFields.CONFIRMATION)));
    private final FakeSettingsService settings = new FakeSettingsService("en", Theme.LIGHT);
    /** What the save dialog was offered: the file name, then the folder. */
    private final List<Object> offered = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), settings,
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), drafting, new FakeSearchService()),
                Locale.ENGLISH).show(stage);
    }

    @Test
    void the_templates_of_the_folder_chosen_in_the_settings_are_listed(FxRobot robot) throws Exception {
        robot.clickOn("#nav-drafting");
        assertThat(text(robot, "#drafting-templates-note")).isEqualTo("Choose the folder with your firm’s templates (DOCX) in Settings.");

        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-templates").queryAs(TextField.class).setText(DraftingFields.FOLDER.toString()));
        robot.clickOn("#settings-save");

        assertThat(settings.nextSave().templates()).isEqualTo(DraftingFields.FOLDER.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> templateNames(robot).size() == 2);
        assertThat(templateNames(robot)).containsExactly("Fristverlängerungsantrag", "Mandatsbestätigung");
    }

    @Test
    void a_folder_that_cannot_be_read_says_so(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-templates").queryAs(TextField.class).setText("/nirgends"));
        robot.clickOn("#settings-save");
        robot.clickOn("#nav-drafting");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#drafting-templates-note").startsWith("The templates folder"));
        assertThat(text(robot, "#drafting-templates-note")).isEqualTo("The templates folder /nirgends cannot be read: /nirgends does not exist");
    }

    @Test
    void files_dropped_on_the_tab_become_sources_of_the_draft_not_documents_to_summarise(FxRobot robot) {
        robot.clickOn("#nav-drafting");
        Node sources = robot.lookup("#drafting-sources").query();
        Drops.dragOver(robot, sources, DraftingFields.COMPLAINT);
        assertThat(text(robot, "#drop-overlay .label")).isEqualTo("Drop to use as sources of the draft");

        Drops.drop(robot, sources, DraftingFields.COMPLAINT, Path.of("/akten/foto.png"), DraftingFields.LETTER);
        Drops.drop(robot, sources, DraftingFields.COMPLAINT);

        assertThat(robot.lookup("#drafting-sources").queryListView().getItems())
                .as("each file once, the picture left out").containsExactly(DraftingFields.COMPLAINT, DraftingFields.LETTER);
        assertThat(visible(robot, "#drafting-sources")).as("the tab stays open").isTrue();
        assertThat(summaries.calls()).as("nothing was summarised").isEmpty();

        Drops.drop(robot, sources, Path.of("/akten/foto.png"));
        assertThat(text(robot, "#drafting-notes .label")).isEqualTo("foto.png cannot be a source: Hearth reads PDF, DOCX, TXT.");
    }

    @Test
    void a_draft_shows_its_progress_then_every_field_with_its_status_and_saves_only_what_the_user_accepted(FxRobot robot)
            throws Exception {
        chooseFolderAndDrop(robot);
        assertThat(robot.lookup("#drafting-save").queryButton().isDisabled()).as("nothing to save yet").isTrue();
        robot.clickOn("#drafting-create");

        assertThat(drafting.calls()).hasSize(1);
        assertThat(drafting.calls().getFirst().template()).isEqualTo(DraftingFields.CONFIRMATION.file());
        assertThat(drafting.calls().getFirst().sources()).containsExactly(DraftingFields.COMPLAINT, DraftingFields.LETTER);
        drafting.report(0, listener -> listener.progress(DraftJob.Stage.READING, "Klageschrift.pdf", 0, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#drafting-status")).isEqualTo("Reading Klageschrift.pdf (1 of 2)");
        drafting.report(0, listener -> listener.progress(DraftJob.Stage.FILLING, null, 2, 6));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#drafting-status")).isEqualTo("Field 3 of 6");
        assertThat(robot.lookup("#drafting-progress").queryAs(ProgressBar.class).getProgress()).isCloseTo(2 / 6.0, Offset.offset(1e-9));
        assertThat(robot.lookup("#drafting-create").queryButton().isDisabled()).as("one draft at a time").isTrue();

        drafting.report(0, listener -> listener.done(DraftingFields.PROPOSED));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#drafting-status")).isEqualTo("4 of 6 fields found with a verified quote. Check the others before you save.");
        assertThat(rowText(robot, "Aktenzeichen", ".field-status")).isEqualTo("verified");
        assertThat(rowText(robot, "Aktenzeichen", ".field-source")).isEqualTo("Klageschrift.pdf, p. 1");
        assertThat(rowText(robot, "Aktenzeichen", ".field-quote")).isEqualTo("“Az. 12 C 345/26”");
        assertThat(accepted(robot, "Aktenzeichen")).isTrue();
        assertThat(rowText(robot, "Gericht", ".field-status")).isEqualTo("not supported");
        assertThat(row(robot, "Gericht").getStyleClass()).contains("field-unsupported");
        assertThat(rowText(robot, "Gericht", ".field-source")).isEqualTo("Schreiben_Gegner.docx, para. 3");
        assertThat(rowText(robot, "Gericht", ".field-quote")).isEqualTo("“Zuständig ist das Amtsgericht Köln” – this quote is not in the source");
        assertThat(accepted(robot, "Gericht")).as("an unsupported value waits for the user").isFalse();
        assertThat(rowText(robot, "Anschrift des Gegners", ".field-status")).isEqualTo("empty");
        assertThat(value(robot, "Anlagen").isDisabled()).as("table rows are not a single value").isTrue();

        robot.interact(() -> value(robot, "Anschrift des Gegners").setText("Max Schmidt, Ringstraße 4, 50667 Köln"));
        robot.interact(() -> value(robot, "Mandant").setText("Erika Müller-Lüdenscheidt"));
        assertThat(rowText(robot, "Mandant", ".field-status")).isEqualTo("changed by you");
        robot.interact(() -> acceptBox(robot, "Zustellungsdatum").setSelected(false));
        useSaveChooser(robot, Path.of("/akten/2026-0815/Bestätigung Müller.docx"));
        robot.clickOn("#drafting-save");

        FakeDraftingService.Save saved = drafting.nextSave();
        assertThat(offered).containsExactly("Mandatsbestätigung-draft.docx", Path.of("/akten/2026-0815"));
        assertThat(saved.template()).isEqualTo(DraftingFields.CONFIRMATION.file());
        assertThat(saved.out()).isEqualTo(Path.of("/akten/2026-0815/Bestätigung Müller.docx"));
        assertThat(saved.values()).isEqualTo(Map.of(
                "Aktenzeichen", "12 C 345/26",
                "Mandant", "Erika Müller-Lüdenscheidt",
                "Streitwert", "1.234,50 €",
                "Anschrift des Gegners", "Max Schmidt, Ringstraße 4, 50667 Köln"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#drafting-status").startsWith("Saved"));
        assertThat(text(robot, "#drafting-status")).isEqualTo("Saved Bestätigung Müller.docx with 4 of 7 fields.");
    }

    @Test
    void the_template_is_never_chosen_as_the_draft(FxRobot robot) throws Exception {
        chooseFolderAndDrop(robot);
        robot.clickOn("#drafting-create");
        drafting.report(0, listener -> listener.done(DraftingFields.PROPOSED));
        WaitForAsyncUtils.waitForFxEvents();
        useSaveChooser(robot, DraftingFields.CONFIRMATION.file());

        robot.clickOn("#drafting-save");

        assertThat(text(robot, "#drafting-status")).isEqualTo("The template is never overwritten: choose another name.");
        assertThat(drafting.savesSoFar()).isZero();
    }

    @Test
    void cancel_stops_the_draft_and_leaves_the_form_empty(FxRobot robot) throws Exception {
        chooseFolderAndDrop(robot);
        robot.clickOn("#drafting-create");
        drafting.report(0, listener -> listener.progress(DraftJob.Stage.FILLING, null, 1, 6));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#drafting-cancel")).isTrue();

        robot.clickOn("#drafting-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> drafting.calls().getFirst().cancelRequested().get());
        drafting.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#drafting-status")).isEqualTo("Cancelled – nothing was written.");
        assertThat(visible(robot, "#drafting-cancel")).isFalse();
        assertThat(robot.lookup(".field-row").queryAll()).isEmpty();
        assertThat(visible(robot, "#drafting-review-empty")).isTrue();
        assertThat(robot.lookup("#drafting-create").queryButton().isDisabled()).as("a new draft can start").isFalse();
    }

    @Test
    void a_draft_that_may_leave_shows_what_would_go_and_send_passes_on_to_the_job(FxRobot robot) throws Exception {
        chooseFolderAndDrop(robot);
        robot.clickOn("#drafting-create");
        drafting.report(0, listener -> listener.preview(SendPreviewTest.PREVIEW));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preview-send").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#drafting-status"))
                .isEqualTo("The fields would be filled on Kanzlei-Server: check what would be sent and send it, or cancel.");

        robot.clickOn("#preview-send");
        assertThat(drafting.calls().getFirst().awaitSent()).as("Send reached the job").isTrue();
        drafting.report(0, listener -> listener.routedTo("Kanzlei-Server"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).isEqualTo("Sent to: Kanzlei-Server");

        drafting.report(0, listener -> listener.done(DraftingFields.PROPOSED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).as("back on this machine").isEqualTo("Local only");
        assertThat(robot.lookup(".field-row").queryAll()).isNotEmpty();
    }

    private void chooseFolderAndDrop(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-templates").queryAs(TextField.class).setText(DraftingFields.FOLDER.toString()));
        robot.clickOn("#settings-save");
        robot.clickOn("#nav-drafting");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> templateNames(robot).size() == 2);
        robot.interact(() -> robot.lookup("#drafting-templates").queryListView().getSelectionModel().select(1));
        Drops.drop(robot, robot.lookup("#drafting-sources").query(), DraftingFields.COMPLAINT, DraftingFields.LETTER);
    }

    private void useSaveChooser(FxRobot robot, Path answer) {
        robot.interact(() -> robot.lookup(".drafting-view").queryAs(DraftingView.class).useSaveChooser((owner, title, name, folder) -> {
            offered.add(name);
            offered.add(folder);
            return answer;
        }));
    }

    private static List<String> templateNames(FxRobot robot) {
        return robot.lookup("#drafting-templates").queryListView().getItems().stream()
                .map(item -> ((org.hearth.ui.service.DraftingService.Template) item).name()).toList();
    }

    static Node row(FxRobot robot, String field) {
        return robot.lookup(".field-row").queryAll().stream()
                .filter(row -> robot.from(row).lookup(".field-name").queryAs(Label.class).getText().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + field));
    }

    static String rowText(FxRobot robot, String field, String part) {
        return robot.from(row(robot, field)).lookup(part).queryAs(Label.class).getText();
    }

    private static TextField value(FxRobot robot, String field) {
        return robot.from(row(robot, field)).lookup(".field-value").queryAs(TextField.class);
    }

    private static CheckBox acceptBox(FxRobot robot, String field) {
        return robot.from(row(robot, field)).lookup(".field-accept").queryAs(CheckBox.class);
    }

    private static boolean accepted(FxRobot robot, String field) {
        return acceptBox(robot, field).isSelected();
    }
}
