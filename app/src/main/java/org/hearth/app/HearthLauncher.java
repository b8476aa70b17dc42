package org.hearth.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.hearth.app.documents.LocalSummaryService;
import org.hearth.app.export.SummaryExporter;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.ui.MainWindow;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.SettingsService;

/** Opens the window: the composition root builds the services and hands them to the UI. */
public final class HearthLauncher {

    private static HearthPaths paths;

    private HearthLauncher() {
    }

    public static void openWindow(HearthPaths homePaths) {
        paths = homePaths;
        Application.launch(FxApplication.class);
    }

    /** Context options from the settings, read when a job starts so a change applies to the next job. */
    static ContextOptions contextOptions(SettingsService settings) {
        SettingsService.Settings current = settings.load();
        ContextOptions options = ContextOptions.defaults().withContextLength(current.contextLength());
        return current.threads() > 0 ? options.withThreads(current.threads()) : options;
    }

    /** The mail accounts and their triage behind the Inbox tab. */
    static InboxService inboxService() {
        throw new UnsupportedOperationException("wired by the app");
    }

    /** JavaFX instantiates this itself, hence the static hand-over of the paths. */
    public static final class FxApplication extends Application {

        private LocalModelService models;
        private LocalSummaryService summaries;

        @Override
        public void start(Stage stage) {
            SettingsService settings = new JsonSettingsStore(paths.home().resolve("settings.json"));
            // No network unless the user presses Download: the hub is only contacted by download().
            models = new LocalModelService(paths, settings, new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), HuggingFaceHub.DEFAULT_BASE_URI));
            summaries = new LocalSummaryService(models, () -> contextOptions(settings));
            new MainWindow(summaries, models, settings, new SummaryExporter(), inboxService(), Locale.getDefault()).show(stage);
            models.start();
        }

        @Override
        public void stop() {
            summaries.close();
            models.close();
        }
    }
}
