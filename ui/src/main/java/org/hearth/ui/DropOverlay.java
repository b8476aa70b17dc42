package org.hearth.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.hearth.ui.common.Localization;

/**
 * Drop anywhere: while files are dragged over the window a full-size overlay says what dropping does;
 * dropping hands the files on. Handlers sit on the scene so every part of the window is a target.
 */
final class DropOverlay extends StackPane {

    DropOverlay(Localization localization) {
        Label hint = new Label();
        hint.textProperty().bind(localization.text("drop.hint"));
        hint.getStyleClass().addAll("title-2", "drop-hint");
        getChildren().add(hint);
        getStyleClass().add("drop-overlay");
        setId("drop-overlay");
        setVisible(false);
        // Never the drop target itself: the scene handles the drag wherever the pointer is.
        setMouseTransparent(true);
    }

    void install(Scene scene, Consumer<List<Path>> onDrop) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                setVisible(true);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED, event -> setVisible(false));
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard dragboard = event.getDragboard();
            boolean accepted = dragboard.hasFiles();
            if (accepted) {
                onDrop.accept(dragboard.getFiles().stream().map(File::toPath).toList());
            }
            setVisible(false);
            event.setDropCompleted(accepted);
            event.consume();
        });
    }
}
