package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.firstrun.FirstRunView;
import org.hearth.ui.privacy.EgressLogDialog;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.RoutingService;
import org.hearth.ui.service.SettingsService;
import org.hearth.ui.settings.SettingsDialog;
import org.hearth.ui.status.StatusBar;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabDefinition;

/**
 * Hearth's main window: the navigation rail on the left, the open page on the right, the status bar
 * at the bottom, and the drop overlay over all of it. The app constructs it with the model and settings
 * services and the tabs it registers, which the rail shows in the order given.
 */
public final class MainWindow {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;

    private final MainWindowViewModel viewModel;

    /**
     * @param systemLocale the operating system's language (usually {@code Locale.getDefault()}), used
     *                     while the settings say to follow the system
     */
    public MainWindow(ModelService models, SettingsService settings, List<TabDefinition> tabs, Locale systemLocale) {
        this(models, settings, Optional.empty(), tabs, systemLocale);
    }

    /** @param routing where jobs may go off this machine: its settings, and the record of what left */
    public MainWindow(ModelService models, SettingsService settings, Optional<RoutingService> routing, List<TabDefinition> tabs,
                      Locale systemLocale) {
        this.viewModel = new MainWindowViewModel(models, settings, routing, tabs, systemLocale);
    }

    /** Files the desktop asked to open ("Open with Hearth"): they go where dropped files go. */
    public void addFiles(List<Path> files) {
        viewModel.addFiles(files);
    }

    /** Builds the window into {@code stage} and shows it; call on the JavaFX thread. */
    public void show(Stage stage) {
        Localization localization = viewModel.localization();
        StackPane pages = new StackPane();
        pages.getStyleClass().add("pages");
        NavigationRail rail = new NavigationRail(localization, viewModel.pageProperty());

        Node firstRun = new FirstRunView(localization, viewModel.firstRun(), viewModel.filesWaitingForModel());
        addPage(pages, firstRun, MainWindowViewModel.SETUP);
        rail.addEntry(MainWindowViewModel.SETUP, "nav.setup", Icons.setup(), Bindings.createIntegerBinding(() -> 0),
                viewModel.setupInRail());
        for (Tab tab : viewModel.tabs()) {
            addPageWhenOpened(pages, tab, localization);
            rail.addEntry(tab.id(), tab.labelKey(), tab.icon(), tab.badge(), Bindings.createBooleanBinding(() -> true));
        }
        rail.addSettingsButton(() -> SettingsDialog.open(stage, localization, viewModel.settings(), viewModel::openSetup,
                viewModel.privacySettings()));

        BorderPane layout = new BorderPane(pages);
        layout.setLeft(rail);
        layout.setBottom(new StatusBar(localization, viewModel.statusBar(), viewModel.egressLog().map(log ->
                () -> new EgressLogDialog(stage, localization, log).show())));
        DropOverlay dropOverlay = new DropOverlay(localization, viewModel.dropHintKey());
        StackPane root = new StackPane(layout, dropOverlay);

        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("hearth.css")).toExternalForm());
        dropOverlay.install(scene, viewModel::addFiles, viewModel::addFolder);

        stage.titleProperty().bind(localization.text("app.name"));
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        stage.setScene(scene);
        stage.setOnHidden(e -> viewModel.close());
        viewModel.statusBar().start();
        stage.show();
    }

    /**
     * A tab's page is built the first time it opens: a page nobody looks at would otherwise cost the window's start
     * its styling and layout.
     */
    private void addPageWhenOpened(StackPane pages, Tab tab, Localization localization) {
        if (tab.id().equals(viewModel.pageProperty().get())) {
            addPage(pages, tab.createView(localization), tab.id());
            return;
        }
        viewModel.pageProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends String> page, String before, String now) {
                if (tab.id().equals(now)) {
                    page.removeListener(this);
                    addPage(pages, tab.createView(localization), tab.id());
                }
            }
        });
    }

    /** A page shows only while it is the open one. */
    private void addPage(StackPane pages, Node page, String id) {
        page.visibleProperty().bind(viewModel.pageProperty().isEqualTo(id));
        pages.getChildren().add(page);
    }
}
