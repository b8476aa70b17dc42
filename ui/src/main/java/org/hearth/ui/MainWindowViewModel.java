package org.hearth.ui;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.ThemeSwitcher;
import org.hearth.ui.firstrun.FirstRunViewModel;
import org.hearth.ui.privacy.EgressLogViewModel;
import org.hearth.ui.privacy.PrivacySettingsViewModel;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.RoutingService;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService;
import org.hearth.ui.service.SettingsService.Settings;
import org.hearth.ui.settings.SettingsViewModel;
import org.hearth.ui.status.StatusBarViewModel;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabContext;
import org.hearth.ui.tab.TabDefinition;

/**
 * The window's state: which page shows, whether the model still needs setting up, the tabs, and the
 * view-models of the first-run panel and the status bar. Lives as long as the window, so a language switch
 * keeps the queue.
 */
public final class MainWindowViewModel {

    /** The page of the first-run panel, in the rail while no model is installed; the other pages are the tabs'. */
    public static final String SETUP = "setup";

    private final Localization localization;
    private final ThemeSwitcher themes;
    private final SettingsViewModel settings;
    private final List<Tab> tabs;
    private final IntegerBinding filesWaitingForModel;
    private final FirstRunViewModel firstRun;
    private final StatusBarViewModel statusBar;
    private final Optional<PrivacySettingsViewModel> privacySettings;
    private final Optional<EgressLogViewModel> egressLog;
    private final ReadOnlyObjectWrapper<ModelState> modelState;
    private final ReadOnlyBooleanWrapper setupNeeded = new ReadOnlyBooleanWrapper();
    /** The id of the page that shows: {@link #SETUP} or a tab's. */
    private final ObjectProperty<String> page = new SimpleObjectProperty<>();

    /**
     * Loads the settings (a small local read, once, before the window shows), opens the tabs and subscribes to
     * the model.
     *
     * @param tabs         the tabs of the rail, in its order
     * @param systemLocale the operating system's language, used while the settings say "system"
     */
    public MainWindowViewModel(ModelService models, SettingsService settingsService, Optional<RoutingService> routing,
            List<TabDefinition> tabs, Locale systemLocale) {
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("the window needs at least one tab");
        }
        Settings loaded = settingsService.load();
        Background background = new Background();
        RunningTasks runningTasks = new RunningTasks();
        localization = new Localization(Localization.resolve(loaded.language(), systemLocale));
        themes = new ThemeSwitcher(loaded.theme());
        settings = new SettingsViewModel(settingsService, models, loaded, localization, themes, background, systemLocale);
        privacySettings = routing.map(service -> new PrivacySettingsViewModel(service, background));
        egressLog = routing.map(service -> new EgressLogViewModel(service, background));
        modelState = new ReadOnlyObjectWrapper<>(models.state());
        models.addListener(state -> Platform.runLater(() -> modelState.set(state)));
        TabContext context = new TabContext(runningTasks, background, this::openSetup, settings.currentProperty());
        this.tabs = tabs.stream().map(definition -> definition.open(context)).toList();
        requireDistinctIds(this.tabs);
        filesWaitingForModel = sum(this.tabs.stream().map(Tab::filesWaitingForModel).toList());
        firstRun = new FirstRunViewModel(models, modelState.getReadOnlyProperty(), settings, localization, runningTasks);
        statusBar = new StatusBarViewModel(models, modelState.getReadOnlyProperty(), runningTasks);

        setupNeeded.set(!(modelState.get() instanceof ModelState.Loading
                || modelState.get() instanceof ModelState.Ready
                || modelState.get() instanceof ModelState.Busy));
        modelState.addListener((obs, old, state) -> followModel(state));
        page.set(setupNeeded.get() ? SETUP : startPage());
        page.addListener((obs, old, now) -> tab(now).ifPresent(Tab::opened));
    }

    /**
     * Dropped files go to the open tab if it takes files (a draft's sources on the Drafts tab), else to the first tab
     * that does, and the user sees them arrive there.
     */
    public void addFiles(List<Path> files) {
        fileTaker().ifPresent(tab -> {
            page.set(tab.id());
            tab.takeFiles(files);
        });
    }

    /** What dropping files would do now, as the overlay says it: follows the open page. */
    public StringBinding dropHintKey() {
        return Bindings.createStringBinding(() -> fileTaker().map(Tab::dropHintKey).orElse("drop.hint"), page);
    }

    private Optional<Tab> fileTaker() {
        return tab(page.get()).filter(Tab::takesFiles).or(() -> firstTab(Tab::takesFiles));
    }

    /** A dropped folder goes to the tab that takes one, e.g. Search, which asks which collection it joins. */
    public void addFolder(Path folder) {
        firstTab(Tab::takesFolders).ifPresent(tab -> {
            page.set(tab.id());
            tab.takeFolder(folder);
        });
    }

    /** The id of the page that shows: {@link #SETUP} or a tab's. */
    public ObjectProperty<String> pageProperty() {
        return page;
    }

    /** The tabs of the rail, in its order. */
    public List<Tab> tabs() {
        return tabs;
    }

    /** The files of all tabs that wait for a model to be set up. */
    public ObservableIntegerValue filesWaitingForModel() {
        return filesWaitingForModel;
    }

    /** The window closed: the tabs let go of what they watch. */
    public void close() {
        statusBar.stop();
        tabs.forEach(Tab::close);
    }

    /** True until a model is installed: the Setup page with the first-run panel is in the rail. */
    public ReadOnlyBooleanProperty setupNeededProperty() {
        return setupNeeded.getReadOnlyProperty();
    }

    /** The Setup page is in the rail while a model is needed, and while the user opened it to get another model. */
    public BooleanBinding setupInRail() {
        return setupNeeded.or(page.isEqualTo(SETUP));
    }

    /** Shows the first-run panel, also once a model is installed: there the user gets another model. */
    public void openSetup() {
        page.set(SETUP);
    }

    public Localization localization() {
        return localization;
    }

    public ThemeSwitcher themes() {
        return themes;
    }

    /** "Servers & privacy" in the settings, where the window routes jobs. */
    public Optional<PrivacySettingsViewModel> privacySettings() {
        return privacySettings;
    }

    /** The record of what left this machine, where the window routes jobs. */
    public Optional<EgressLogViewModel> egressLog() {
        return egressLog;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public FirstRunViewModel firstRun() {
        return firstRun;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /**
     * Setup ends once a model loads and comes back only if none is left; a download or failure on the
     * way keeps whatever the user sees, so a Failed state during setup stays on the first-run panel.
     */
    private void followModel(ModelState state) {
        switch (state) {
            case ModelState.Loading l -> endSetup();
            case ModelState.Ready r -> endSetup();
            case ModelState.Busy b -> endSetup();
            case ModelState.None n -> {
                setupNeeded.set(true);
                page.set(SETUP);
            }
            case ModelState.Downloading d -> { }
            case ModelState.Failed f -> { }
        }
    }

    private void endSetup() {
        if (setupNeeded.get()) {
            setupNeeded.set(false);
            if (SETUP.equals(page.get())) {
                page.set(startPage());
            }
        }
    }

    private String startPage() {
        return firstTab(Tab::opensAtStart).orElse(tabs.getFirst()).id();
    }

    private Optional<Tab> tab(String id) {
        return firstTab(tab -> tab.id().equals(id));
    }

    private Optional<Tab> firstTab(Predicate<Tab> which) {
        return tabs.stream().filter(which).findFirst();
    }

    /** The rail and the pages find a tab by its id, so two tabs (or a tab and Setup) may not share one. */
    private static void requireDistinctIds(List<Tab> tabs) {
        Set<String> ids = new HashSet<>(Set.of(SETUP));
        for (Tab tab : tabs) {
            if (!ids.add(tab.id())) {
                throw new IllegalArgumentException("two pages of the window are called " + tab.id());
            }
        }
    }

    private static IntegerBinding sum(List<ObservableIntegerValue> counts) {
        return Bindings.createIntegerBinding(() -> counts.stream().mapToInt(ObservableIntegerValue::get).sum(),
                counts.toArray(Observable[]::new));
    }
}
