package org.hearth.ui.documents;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ui.common.Controls;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.common.Message;
import org.hearth.ui.privacy.SendPreviewDialog;

/** The Documents tab: choose or drop files, the queue on the left, the selected file's summary on the right. */
public final class DocumentsView extends BorderPane {

    private final Localization localization;
    private final DocumentsViewModel viewModel;

    public DocumentsView(Localization localization, DocumentsViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        getStyleClass().add("documents-view");
        setTop(new VBox(toolbar(), notes()));
        SplitPane split = new SplitPane(queue(), new DocumentDetailView(localization, viewModel));
        split.setDividerPositions(0.32);
        setCenter(split);
        viewModel.queue().addListener((ListChangeListener<DocumentItem>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::previewWhenAsked);
            }
        });
    }

    /** A summary that may leave shows what would go before anything does; the user sends it or cancels. */
    private void previewWhenAsked(DocumentItem item) {
        item.previewProperty().addListener((obs, old, preview) -> {
            if (preview != null) {
                SendPreviewDialog.show(getScene().getWindow(), localization, item.fileName(), item.previewProperty(), item::send, item::cancel);
            }
        });
    }

    private HBox toolbar() {
        Button choose = new Button();
        choose.setId("documents-choose");
        choose.textProperty().bind(localization.text("documents.chooseFile"));
        choose.getStyleClass().add(Styles.ACCENT);
        choose.setOnAction(e -> chooseFiles());

        ComboBox<SummaryStyle> style = LocalizedCell.comboBox(localization, List.of(SummaryStyle.values()), viewModel.styleProperty().get(),
                s -> localization.get("documents.style." + s.name()));
        style.setId("documents-style");
        viewModel.styleProperty().bind(style.valueProperty());
        ComboBox<OutputLanguage> language = LocalizedCell.comboBox(localization, List.of(OutputLanguage.values()), viewModel.outputLanguageProperty().get(),
                l -> localization.get("documents.language." + l.name()));
        language.setId("documents-language");
        viewModel.outputLanguageProperty().bind(language.valueProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, choose, spacer, Controls.label(localization, "documents.style"), style,
                Controls.label(localization, "documents.language"), language);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("documents-toolbar");
        return bar;
    }

    /** A line per dropped file that cannot be read, with one button to close them all. */
    private HBox notes() {
        VBox lines = new VBox(4);
        viewModel.notes().addListener((ListChangeListener<Message>) change ->
                lines.getChildren().setAll(viewModel.notes().stream().map(note -> Controls.noteLine(localization, note)).toList()));
        Button close = new Button("\u2715");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.accessibleTextProperty().bind(localization.text("documents.notes.close"));
        close.setOnAction(e -> viewModel.dismissNotes());
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox box = new HBox(8, lines, close);
        box.setId("documents-notes");
        box.getStyleClass().add("documents-notes");
        box.setPadding(new Insets(8, 16, 8, 16));
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.notes()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private ListView<DocumentItem> queue() {
        ListView<DocumentItem> list = new ListView<>(viewModel.queue());
        list.setId("documents-queue");
        list.getStyleClass().add("documents-queue");
        list.setCellFactory(view -> new DocumentCell(localization, viewModel));
        Label placeholder = new Label();
        placeholder.textProperty().bind(localization.text("documents.empty", viewModel.supportedList()));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(16));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, item) -> list.getSelectionModel().select(item));
        list.getSelectionModel().select(viewModel.selectedProperty().get());
        list.setMinWidth(240);
        return list;
    }

    private void chooseFiles() {
        List<Path> files = Controls.chooseFiles(getScene().getWindow(), localization.get("documents.chooseFile.title"),
                localization.get("documents.chooseFile.filter"), viewModel.supportedExtensions());
        if (!files.isEmpty()) {
            viewModel.addFiles(files);
        }
    }
}
