package org.hearth.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.hearth.ui.common.Localization;

/**
 * Drop anywhere: while files are dragged over the window a full-size overlay says what dropping does;
 * dropping hands the files on (to be summarised) and a folder on (to be added to search). Handlers sit on
 * the scene so every part of the window is a target.
 */
final class DropOverlay extends StackPane {

    private final BooleanProperty folder = new SimpleBooleanProperty();

    /** @param filesHintKey what dropping files does now, as a key of the bundle */
    DropOverlay(Localization localization, ObservableValue<String> filesHintKey) {
        Label hint = new Label();
        hint.textProperty().bind(Bindings.createStringBinding(() -> localization.get(folder.get() ? "drop.folderHint" : filesHintKey.getValue()),
                folder, filesHintKey, localization.localeProperty()));
        hint.getStyleClass().addAll("title-2", "drop-hint");
        getChildren().add(hint);
        getStyleClass().add("drop-overlay");
        setId("drop-overlay");
        setVisible(false);
        // Never the drop target itself: the scene handles the drag wherever the pointer is.
        setMouseTransparent(true);
    }

    /** @param onFiles gets the dropped files; @param onFolder gets a dropped folder (the first, if several) */
    void install(Scene scene, Consumer<List<Path>> onFiles, Consumer<Path> onFolder) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                folder.set(event.getDragboard().getFiles().stream().anyMatch(File::isDirectory));
                setVisible(true);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED, event -> setVisible(false));
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard dragboard = event.getDragboard();
            boolean accepted = dragboard.hasFiles();
            if (accepted) {
                List<File> dropped = dragboard.getFiles();
                dropped.stream().filter(File::isDirectory).findFirst().map(File::toPath).ifPresent(onFolder);
                List<Path> files = dropped.stream().filter(f -> !f.isDirectory()).map(File::toPath).toList();
                if (!files.isEmpty()) {
                    onFiles.accept(files);
                }
            }
            setVisible(false);
            event.setDropCompleted(accepted);
            event.consume();
        });
    }
}
