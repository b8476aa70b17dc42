package org.hearth.ui.search;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.hearth.ui.common.Localization;

/**
 * Which collection a chosen folder joins: an existing one from the list, or a new name typed in (a client,
 * a matter, "Templates"). Answers the collection's name.
 */
final class AddFolderDialog extends Dialog<String> {

    /** Wrapped lines get a width to wrap at: a dialog sizes itself before it knows its labels' heights. */
    private static final double FIELD_WIDTH = 400;

    private AddFolderDialog(Window owner, Localization localization, Path folder, List<String> collections,
            String suggested) {
        initOwner(owner);
        setTitle(localization.get("search.addFolder.title"));

        Label path = new Label(folder.toString());
        path.setId("search-add-folder-path");
        path.setWrapText(true);
        path.setPrefWidth(FIELD_WIDTH);
        path.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<String> name = new ComboBox<>(FXCollections.observableArrayList(collections));
        name.setId("search-add-folder-collection");
        name.setEditable(true);
        name.setPrefWidth(FIELD_WIDTH);
        name.setValue(suggested);
        name.getEditor().setText(suggested);
        name.setPromptText(localization.get("search.addFolder.collection.prompt"));

        Label hint = new Label(localization.get("search.addFolder.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setPrefWidth(FIELD_WIDTH);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        GridPane form = new GridPane(16, 8);
        form.addRow(0, new Label(localization.get("search.addFolder.folder")), path);
        form.addRow(1, new Label(localization.get("search.addFolder.collection")), new VBox(4, name, hint));
        Label privacy = new Label(localization.get("search.addFolder.privacy"));
        privacy.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        privacy.setWrapText(true);
        privacy.setMaxWidth(FIELD_WIDTH + 120);
        privacy.setMinHeight(Region.USE_PREF_SIZE);
        getDialogPane().setContent(new VBox(16, form, privacy));

        ButtonType add = new ButtonType(localization.get("search.addFolder.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(localization.get("search.addFolder.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(add, cancel);
        Node addButton = getDialogPane().lookupButton(add);
        addButton.setId("search-add-folder-ok");
        addButton.getStyleClass().add(Styles.ACCENT);
        // The typed name counts even before the combo box commits it (that happens on Enter or leaving it).
        addButton.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getEditor().getText().isBlank(),
                name.getEditor().textProperty()));
        setResultConverter(button -> button == add ? name.getEditor().getText().strip() : null);
        Platform.runLater(name.getEditor()::requestFocus);
    }

    /**
     * Asks which collection {@code folder} joins; suggests the chosen collection, or the folder's own name
     * when all collections are shown. Empty if the user cancels.
     */
    static Optional<String> ask(Window owner, Localization localization, Path folder, List<String> collections,
            Optional<String> chosen) {
        Path folderName = folder.getFileName();
        String suggested = chosen.orElse(folderName == null ? "" : folderName.toString());
        return new AddFolderDialog(owner, localization, folder, collections, suggested).showAndWait()
                .filter(name -> !name.isBlank());
    }
}
