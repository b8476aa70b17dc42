package org.hearth.ui.drafting;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.hearth.ui.common.Controls;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.TaskControls;
import org.hearth.ui.privacy.SendPreviewDialog;
import org.hearth.ui.service.DraftingService.Template;

/**
 * The Drafting tab: on the left the templates, the sources (dropped or chosen) and the button that makes the draft,
 * with its progress; on the right the review form and Save.
 */
public final class DraftingView extends BorderPane {

    /** Asks where the draft goes. The system's save dialog by default; a test puts in its own answer. */
    @FunctionalInterface
    public interface SaveChooser {
        Path choose(Window owner, String title, String fileName, Path folder);
    }

    private final Localization localization;
    private final DraftingViewModel viewModel;
    private SaveChooser saveChooser = DraftingView::systemSaveDialog;

    public DraftingView(Localization localization, DraftingViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        getStyleClass().add("drafting-view");
        VBox left = new VBox(16, templates(), sources(), run());
        left.setPadding(new Insets(16));
        left.setMinWidth(280);
        SplitPane split = new SplitPane(left, review());
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    public void useSaveChooser(SaveChooser chooser) {
        saveChooser = Objects.requireNonNull(chooser);
    }

    private VBox templates() {
        Button refresh = new Button();
        refresh.setId("drafting-templates-refresh");
        refresh.textProperty().bind(localization.text("drafting.templates.refresh"));
        refresh.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        refresh.setOnAction(e -> viewModel.reloadTemplates());
        ListView<Template> list = new ListView<>(viewModel.templates());
        list.setId("drafting-templates");
        list.setPrefHeight(180);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Template item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        Label note = new Label();
        note.setId("drafting-templates-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(localization.text(viewModel.templatesNoteProperty()));
        list.setPlaceholder(note);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.templateProperty().set(now);
            }
        });
        viewModel.templateProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        return new VBox(6, headingLine("drafting.templates", refresh), list);
    }

    private VBox sources() {
        Button add = new Button();
        add.setId("drafting-sources-add");
        add.textProperty().bind(localization.text("drafting.sources.add"));
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> chooseSources());
        ListView<Path> list = new ListView<>(viewModel.sources());
        list.setId("drafting-sources");
        list.setPrefHeight(160);
        list.setCellFactory(view -> new SourceCell());
        Label placeholder = new Label();
        placeholder.textProperty().bind(localization.text("drafting.sources.empty", viewModel.supportedList()));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(8));
        list.setPlaceholder(placeholder);
        VBox notes = new VBox(4);
        notes.setId("drafting-notes");
        viewModel.notes().addListener((ListChangeListener<Message>) change ->
                notes.getChildren().setAll(viewModel.notes().stream().map(note -> Controls.noteLine(localization, note)).toList()));
        return new VBox(6, headingLine("drafting.sources", add), list, notes);
    }

    private VBox run() {
        Button create = new Button();
        create.setId("drafting-create");
        create.textProperty().bind(localization.text("drafting.create"));
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.canCreate().not());
        create.setOnAction(e -> viewModel.createDraft());
        DraftTask task = viewModel.task();
        // A draft that may be filled on a server shows what would go first; nothing leaves before Send.
        task.previewProperty().addListener((obs, old, preview) -> {
            if (preview != null) {
                SendPreviewDialog.show(getScene().getWindow(), localization, localization.get("drafting.previewSubject"),
                        task.previewProperty(), task::send, task::cancel);
            }
        });
        HBox buttons = new HBox(8, create, TaskControls.cancelButton(localization, task, "drafting.cancel", "drafting-cancel"));
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = TaskControls.statusLine(localization, task, viewModel.outcomeProperty(), "drafting-status");
        status.setWrapText(true);
        return new VBox(8, buttons, TaskControls.progressBar(task, "drafting-progress"), status);
    }

    private BorderPane review() {
        VBox form = new VBox(8);
        form.setId("drafting-form");
        form.setPadding(new Insets(16));
        viewModel.rows().addListener((ListChangeListener<FieldRow>) change -> form.getChildren().setAll(
                viewModel.rows().stream().map(row -> (Node) new FieldRowView(localization, row)).toList()));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        Label empty = new Label();
        empty.setId("drafting-review-empty");
        empty.textProperty().bind(localization.text("drafting.review.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setPadding(new Insets(16));
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.rows()));
        scroll.visibleProperty().bind(Bindings.isNotEmpty(viewModel.rows()));

        Label heading = Controls.label(localization, "drafting.review");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = Controls.label(localization, "drafting.review.hint");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox top = new VBox(4, heading, hint);
        top.setPadding(new Insets(16, 16, 0, 16));

        Button save = new Button();
        save.setId("drafting-save");
        save.textProperty().bind(localization.text("drafting.save"));
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(Bindings.isEmpty(viewModel.rows()).or(viewModel.task().runningProperty()));
        save.setOnAction(e -> save());
        HBox bottom = new HBox(8, save);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(8, 16, 16, 16));

        BorderPane pane = new BorderPane(new StackPane(empty, scroll));
        pane.setTop(top);
        pane.setBottom(bottom);
        return pane;
    }

    private void save() {
        Path out = saveChooser.choose(getScene().getWindow(), localization.get("drafting.save.title"),
                localization.get(viewModel.defaultSaveName()), viewModel.saveFolder());
        if (out != null) {
            viewModel.save(out);
        }
    }

    private HBox headingLine(String key, Node action) {
        Label heading = Controls.label(localization, key);
        heading.getStyleClass().add("detail-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(8, heading, spacer, action);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void chooseSources() {
        List<Path> files = Controls.chooseFiles(getScene().getWindow(), localization.get("drafting.sources.chooserTitle"),
                localization.get("drafting.sources.filter"), viewModel.supportedSources());
        if (!files.isEmpty()) {
            viewModel.addSources(files);
        }
    }

    private static Path systemSaveDialog(Window owner, String title, String fileName, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DOCX", "*.docx"));
        File chosen = chooser.showSaveDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }

    /** A source file with a button that takes it off the list. */
    private final class SourceCell extends ListCell<Path> {

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.getFileName().toString());
            name.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button remove = new Button("\u2715");
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "drafting-source-remove");
            remove.accessibleTextProperty().bind(localization.text("drafting.sources.remove"));
            remove.disableProperty().bind(viewModel.task().runningProperty());
            remove.setOnAction(e -> viewModel.removeSource(item));
            HBox line = new HBox(8, name, spacer, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(line);
        }
    }
}
