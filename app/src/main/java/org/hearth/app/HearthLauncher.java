package org.hearth.app;

import java.io.IOException;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.stage.Stage;
import org.hearth.ui.MainWindow;
import org.hearth.ui.MainWindowViewModel;

/** Opens the window: the composition root hands the UI what it needs, the UI never looks it up. */
public final class HearthLauncher {

    private static HearthPaths paths;

    private HearthLauncher() {
    }

    public static void openWindow(HearthPaths homePaths) {
        paths = homePaths;
        Application.launch(FxApplication.class);
    }

    /** JavaFX instantiates this itself, hence the static hand-over of the paths. */
    public static final class FxApplication extends Application {

        @Override
        public void start(Stage stage) {
            ResourceBundle messages = ResourceBundle.getBundle("org.hearth.ui.messages");
            MainWindowViewModel viewModel = new MainWindowViewModel(modelStatus(messages));
            new MainWindow(viewModel, messages).show(stage);
        }

        private static String modelStatus(ResourceBundle messages) {
            try (Stream<java.nio.file.Path> files = Files.list(paths.models())) {
                return files.filter(f -> f.toString().endsWith(".gguf")).findFirst()
                        .map(f -> MessageFormat.format(messages.getString("status.model"), f.getFileName()))
                        .orElse(messages.getString("status.noModel"));
            } catch (IOException noModelsFolderYet) {
                return messages.getString("status.noModel");
            }
        }
    }
}
