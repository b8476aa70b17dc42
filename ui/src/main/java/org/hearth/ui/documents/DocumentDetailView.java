package org.hearth.ui.documents;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.LongJob;
import org.hearth.ui.service.SummaryJob.State;

/**
 * The selected file: what is happening with a determinate progress bar, the summary as it streams in,
 * a specific failure with a password prompt where one helps, and export / copy once it is done. A summary kept from
 * an earlier run says so when its file has changed or is gone.
 */
final class DocumentDetailView extends StackPane {

    private final Localization localization;
    private final DocumentsViewModel viewModel;

    private final Label title = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label failure = new Label();
    private final Label partial = new Label();
    private final Label source = new Label();
    private final PasswordField password = new PasswordField();
    private final Button retry = new Button();
    private final HBox passwordRow;
    private final Button setUpModel = new Button();
    private final TextArea summary = new TextArea();
    private final Button again = new Button();
    private final Button copy = new Button();
    private final MenuButton export = new MenuButton();
    private final Label feedback = new Label();
    private final Label remaining = new Label();
    private final Label longJobQuestion = new Label();
    private final Label longJobRough = new Label();
    private final Button longJobAll = new Button();
    private final Button longJobFirst = new Button();
    private final Button longJobCancel = new Button();
    private final VBox longJobPanel;
    private final VBox content;
    private final ChangeListener<Object> refresh = (obs, old, now) -> showOutcome();
    private DocumentItem shown;

    DocumentDetailView(Localization localization, DocumentsViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;

        title.setId("documents-detail-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(0);
        again.textProperty().bind(localization.text("documents.summariseAgain"));
        again.setOnAction(e -> viewModel.summariseSelectedAgain());
        copy.textProperty().bind(localization.text("documents.copy"));
        copy.setId("documents-copy");
        copy.setOnAction(e -> copySummary());
        copy.disableProperty().bind(summary.textProperty().isEmpty());
        export.textProperty().bind(localization.text("documents.export"));
        export.setId("documents-export");
        export.getItems().addAll(exportItem("documents.export.docx", ExportService.Format.DOCX),
                exportItem("documents.export.markdown", ExportService.Format.MARKDOWN));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var button : java.util.List.of(again, copy, export)) {
            button.setMinWidth(Region.USE_PREF_SIZE); // the file name gives way, never the buttons
        }
        // The file name has a line of its own so long names stay readable; the actions sit by the status.
        HBox actions = new HBox(8, status, spacer, again, copy, export);
        actions.setAlignment(Pos.CENTER_LEFT);

        status.setId("documents-status");
        status.setMinWidth(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("documents-progress");

        failure.setId("documents-failure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.setWrapText(true);
        password.setId("documents-password");
        password.promptTextProperty().bind(localization.text("documents.password.prompt"));
        password.setOnAction(e -> retryWithPassword());
        retry.setId("documents-retry");
        retry.textProperty().bind(localization.text("documents.password.retry"));
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setOnAction(e -> retryWithPassword());
        retry.disableProperty().bind(password.textProperty().isEmpty());
        passwordRow = new HBox(8, password, retry);
        passwordRow.setAlignment(Pos.CENTER_LEFT);

        partial.setId("documents-partial");
        partial.textProperty().bind(localization.text("documents.partial"));
        partial.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);

        source.setId("documents-source");
        source.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        source.setWrapText(true);

        setUpModel.setId("documents-setup");
        setUpModel.textProperty().bind(localization.text("documents.setUpModel"));
        setUpModel.getStyleClass().add(Styles.ACCENT);
        setUpModel.setOnAction(e -> viewModel.openSetup());

        summary.setId("documents-summary");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.getStyleClass().add("summary-text");
        VBox.setVgrow(summary, Priority.ALWAYS);

        feedback.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        feedback.textProperty().bind(localization.text(viewModel.actionFeedbackProperty()));

        remaining.setId("documents-remaining");
        remaining.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        longJobPanel = longJobPanel();

        content = new VBox(8, title, actions, progress, remaining, longJobPanel, failure, passwordRow, setUpModel, partial, source, summary, feedback);
        content.setPadding(new Insets(16));

        Label empty = new Label();
        empty.textProperty().bind(localization.text("documents.nothingSelected"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(viewModel.selectedProperty().isNull());
        content.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        getChildren().addAll(empty, content);

        viewModel.selectedProperty().addListener((obs, old, item) -> show(item));
        show(viewModel.selectedProperty().get());
    }

    /** The question before a long summary: all of it, only the first pages, or not at all. Nothing runs meanwhile. */
    private VBox longJobPanel() {
        longJobQuestion.setId("documents-longjob-question");
        longJobQuestion.setWrapText(true);
        longJobRough.setId("documents-longjob-rough");
        longJobRough.textProperty().bind(localization.text("documents.longJob.rough"));
        longJobRough.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        longJobRough.setWrapText(true);
        longJobAll.setId("documents-longjob-all");
        longJobAll.setOnAction(e -> shown.summariseAll());
        longJobFirst.setId("documents-longjob-first");
        longJobFirst.getStyleClass().add(Styles.ACCENT);
        longJobFirst.setOnAction(e -> shown.summariseFirstPages());
        longJobCancel.setId("documents-longjob-cancel");
        longJobCancel.textProperty().bind(localization.text("documents.longJob.cancel"));
        longJobCancel.setOnAction(e -> shown.cancel());
        HBox choices = new HBox(8, longJobFirst, longJobAll, longJobCancel);
        choices.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(6, longJobQuestion, longJobRough, choices);
        panel.setId("documents-longjob");
        return panel;
    }

    private void show(DocumentItem item) {
        if (shown != null) {
            shown.stateProperty().removeListener(refresh);
            shown.longJobProperty().removeListener(refresh);
            remaining.textProperty().unbind();
            shown.sourceProperty().removeListener(refresh);
            status.textProperty().unbind();
            progress.progressProperty().unbind();
            summary.textProperty().unbind();
        }
        shown = item;
        viewModel.clearFeedback();
        password.clear();
        if (item == null) {
            return;
        }
        title.setText(item.fileName());
        status.textProperty().bind(localization.text(item.statusProperty()));
        progress.progressProperty().bind(item.progressProperty());
        summary.textProperty().bind(item.textProperty());
        remaining.textProperty().bind(localization.text(item.remainingProperty()));
        item.stateProperty().addListener(refresh);
        item.longJobProperty().addListener(refresh);
        item.sourceProperty().addListener(refresh);
        showOutcome();
    }

    /** What the state allows: the failure sentence and password prompt, export once done, again once ended. */
    private void showOutcome() {
        State state = shown.getState();
        StateTone.apply(status, state);
        boolean failed = state == State.FAILED;
        failure.textProperty().unbind();
        if (failed) {
            failure.textProperty().bind(localization.text(Bindings.createObjectBinding(shown::failureMessage)));
        }
        setShown(failure, failed);
        setShown(passwordRow, failed && shown.needsPassword());
        setShown(setUpModel, failed && shown.needsModel());
        setShown(progress, shown.isRunning());
        setShown(remaining, state == State.SUMMARISING);
        showLongJob(shown.longJobProperty().get());
        setShown(summary, !failed);
        // A cancelled job keeps what it wrote so far: worth reading, but not to be taken as the whole summary.
        setShown(partial, state == State.CANCELLED && !shown.textProperty().get().isEmpty());
        source.textProperty().unbind();
        if (shown.sourceMessage() != null) {
            source.textProperty().bind(localization.text(Bindings.createObjectBinding(shown::sourceMessage)));
        }
        setShown(source, shown.sourceMessage() != null);
        boolean done = state == State.DONE;
        export.setDisable(!done);
        again.setDisable(shown.isRunning() || (failed && shown.needsPassword()) || shown.sourceMissing());
        if (failed && shown.failureProperty().get().reason() == Failure.Reason.WRONG_PASSWORD) {
            password.requestFocus();
        }
    }

    private void showLongJob(LongJob job) {
        setShown(longJobPanel, job != null);
        longJobQuestion.textProperty().unbind();
        longJobAll.textProperty().unbind();
        longJobFirst.textProperty().unbind();
        if (job != null) {
            bind(longJobQuestion.textProperty(), DocumentWording.longJobQuestion(job));
            bind(longJobAll.textProperty(), DocumentWording.longJobAll(job));
            bind(longJobFirst.textProperty(), DocumentWording.longJobFirst(job));
            setShown(longJobRough, job.rough());
        }
    }

    private void bind(javafx.beans.property.StringProperty text, org.hearth.ui.common.Message message) {
        text.bind(localization.text(message.key(), message.args().toArray()));
    }

    private void retryWithPassword() {
        if (shown != null && !password.getText().isEmpty()) {
            viewModel.retryWithPassword(shown, password.getText());
            password.clear();
        }
    }

    private void copySummary() {
        ClipboardContent text = new ClipboardContent();
        text.putString(shown.textProperty().get());
        Clipboard.getSystemClipboard().setContent(text);
        viewModel.reportCopied();
    }

    private MenuItem exportItem(String labelKey, ExportService.Format format) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(localization.text(labelKey));
        item.setOnAction(e -> chooseExportTarget(format));
        return item;
    }

    private void chooseExportTarget(ExportService.Format format) {
        String extension = switch (format) {
            case DOCX -> "docx";
            case MARKDOWN -> "md";
        };
        FileChooser chooser = new FileChooser();
        chooser.setTitle(localization.get("documents.export.title"));
        chooser.setInitialFileName(baseName(shown.fileName()) + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                localization.get("documents.export.filter." + format.name()), "*." + extension));
        File target = chooser.showSaveDialog(getScene().getWindow());
        if (target != null) {
            viewModel.export(shown, format, target.toPath());
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    private static void setShown(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
