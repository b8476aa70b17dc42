package org.hearth.ui;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hearth.ui.MainWindowViewModel.Page;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.documents.DocumentsView;
import org.hearth.ui.firstrun.FirstRunView;
import org.hearth.ui.inbox.InboxView;
import org.hearth.ui.search.SearchView;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SettingsService;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.settings.SettingsDialog;
import org.hearth.ui.status.StatusBar;

/**
 * Hearth's main window: the navigation rail on the left, the open page on the right, the status bar
 * at the bottom, and the drop overlay over all of it. The app constructs it with its services.
 */
public final class MainWindow {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;

    private final MainWindowViewModel viewModel;

    /**
     * @param systemLocale the operating system's language (usually {@code Locale.getDefault()}), used
     *                     while the settings say to follow the system
     */
    public MainWindow(SummaryService summaries, ModelService models, SettingsService settings, ExportService exports,
            InboxService inbox, SearchService search, Locale systemLocale) {
        this.viewModel = new MainWindowViewModel(summaries, models, settings, exports, inbox, search, systemLocale);
    }

    /** Builds the window into {@code stage} and shows it; call on the JavaFX thread. */
    public void show(Stage stage) {
        Localization localization = viewModel.localization();
        Node firstRun = new FirstRunView(localization, viewModel.firstRun(), viewModel.documents().activeCount());
        Node documents = new DocumentsView(localization, viewModel.documents());
        Node inbox = new InboxView(localization, viewModel.inbox());
        Node search = new SearchView(localization, viewModel.search());
        StackPane pages = new StackPane(firstRun, documents, inbox, search);
        pages.getStyleClass().add("pages");
        showOnlyOn(firstRun, Page.SETUP);
        showOnlyOn(documents, Page.DOCUMENTS);
        showOnlyOn(inbox, Page.INBOX);
        showOnlyOn(search, Page.SEARCH);

        NavigationRail rail = new NavigationRail(localization, viewModel.pageProperty());
        rail.addEntry(Page.SETUP, "nav.setup", Icons.setup(), Bindings.createIntegerBinding(() -> 0),
                viewModel.setupNeededProperty());
        // The order of UX.md: the day starts with the inbox.
        rail.addEntry(Page.INBOX, "nav.inbox", Icons.inbox(), viewModel.inbox().urgentUnopened(),
                Bindings.createBooleanBinding(() -> true));
        rail.addEntry(Page.DOCUMENTS, "nav.documents", Icons.document(), viewModel.documents().activeCount(),
                Bindings.createBooleanBinding(() -> true));
        rail.addEntry(Page.SEARCH, "nav.search", Icons.search(), Bindings.createIntegerBinding(() -> 0),
                Bindings.createBooleanBinding(() -> true));
        rail.addSettingsButton(() -> SettingsDialog.open(stage, localization, viewModel.settings()));

        BorderPane layout = new BorderPane(pages);
        layout.setLeft(rail);
        layout.setBottom(new StatusBar(localization, viewModel.statusBar()));
        DropOverlay dropOverlay = new DropOverlay(localization);
        StackPane root = new StackPane(layout, dropOverlay);

        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("hearth.css")).toExternalForm());
        dropOverlay.install(scene, viewModel::addFiles, viewModel::addFolderToSearch);

        stage.titleProperty().bind(localization.text("app.name"));
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            viewModel.statusBar().stop();
            viewModel.inbox().close();
        });
        viewModel.statusBar().start();
        stage.show();
    }

    private void showOnlyOn(Node page, Page target) {
        page.visibleProperty().bind(viewModel.pageProperty().isEqualTo(target));
    }
}
