package org.hearth.ui.common;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Small controls the pages build alike. */
public final class Controls {

    private Controls() {
    }

    /** A label worded by {@code key} in the current language. */
    public static Label label(Localization localization, String key) {
        Label label = new Label();
        label.textProperty().bind(localization.text(key));
        return label;
    }

    /** A line about a file that was dropped or chosen but cannot be used, in the warning colour. */
    public static Label noteLine(Localization localization, Message note) {
        Label line = new Label();
        line.textProperty().bind(localization.text(note.key(), note.args().toArray()));
        line.getStyleClass().add(Styles.WARNING);
        line.setWrapText(true);
        return line;
    }

    /**
     * The system's dialog for choosing files of the kinds Hearth reads; empty when the user cancels.
     *
     * @param extensions e.g. "pdf", "docx"
     */
    public static List<Path> chooseFiles(Window owner, String title, String filterName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions.stream().map(e -> "*." + e).toList()));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    /** Sets the button off as the thing to do next while {@code accent} holds. */
    public static void accentWhile(Button button, ObservableBooleanValue accent) {
        applyAccent(button, accent.get());
        accent.addListener((obs, old, now) -> applyAccent(button, now));
    }

    private static void applyAccent(Button button, boolean accent) {
        button.getStyleClass().remove(Styles.ACCENT);
        if (accent) {
            button.getStyleClass().add(Styles.ACCENT);
        }
    }
}
