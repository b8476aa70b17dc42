package org.hearth.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.stage.Stage;
import org.hearth.app.export.SummaryExportService;
import org.hearth.ui.MainWindow;
import org.hearth.ui.documents.DocumentsTab;
import org.hearth.ui.drafting.DraftingTab;
import org.hearth.ui.inbox.InboxTab;
import org.hearth.ui.search.SearchTab;

/** Opens the window: the composition root builds the services and hands them to the UI. */
public final class HearthLauncher {

    private static CompletableFuture<WindowServices> services;
    private static List<Path> openedFiles = List.of();
    private static volatile HostServices desktop;

    private HearthLauncher() {
    }

    /** @param files what the desktop asked Hearth to open; they go to the Documents tab */
    public static void openWindow(HearthPaths paths, List<Path> files) {
        openedFiles = List.copyOf(files);
        services = CompletableFuture.supplyAsync(() -> WindowServices.open(paths, HearthLauncher::show),
                runnable -> Thread.ofPlatform().name("hearth-services").start(runnable));
        Application.launch(FxApplication.class);
    }

    private static void show(URI uri) {
        desktop.showDocument(uri.toString());
    }

    /** JavaFX instantiates this itself, hence the static hand-over of the services. */
    public static final class FxApplication extends Application {

        private WindowServices built;

        @Override
        public void start(Stage stage) {
            desktop = getHostServices();
            try {
                built = services.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            // The rail's order of UX.md: the day starts with the inbox. A new tab is one more line here.
            MainWindow window = new MainWindow(built.models, built.settings, Optional.of(built.routing), List.of(
                    InboxTab.of(built.inbox, built.replies),
                    DocumentsTab.of(built.summaries, new SummaryExportService()),
                    DraftingTab.of(built.drafting),
                    SearchTab.of(built.search)), Locale.getDefault());
            window.show(stage);
            StartupReport.requested().ifPresent(report -> report.watch(stage.getScene()));
            if (!openedFiles.isEmpty()) {
                window.addFiles(openedFiles);
            }
            // Loading the model and catching up the search index would compete with the first frame for the processor
            FirstFrame.then(stage.getScene(), () -> {
                built.models.start();
                built.search.openInBackground();
            });
        }

        @Override
        public void stop() throws Exception {
            if (built != null) {
                built.close();
            }
        }
    }
}
