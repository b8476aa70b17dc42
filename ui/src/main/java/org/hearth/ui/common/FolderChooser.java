package org.hearth.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder. The system's dialog by default; a test puts in its own answer. */
@FunctionalInterface
public interface FolderChooser {

    Optional<Path> choose(Window owner, String title);

    static FolderChooser system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File folder = chooser.showDialog(owner);
            return Optional.ofNullable(folder).map(File::toPath);
        };
    }
}
