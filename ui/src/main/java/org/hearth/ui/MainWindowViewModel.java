package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.ThemeSwitcher;
import org.hearth.ui.documents.DocumentsViewModel;
import org.hearth.ui.firstrun.FirstRunViewModel;
import org.hearth.ui.inbox.InboxViewModel;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.search.SearchViewModel;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SettingsService;
import org.hearth.ui.service.SettingsService.Settings;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.settings.SettingsViewModel;
import org.hearth.ui.status.StatusBarViewModel;

/**
 * The window's state: which page shows, whether the model still needs setting up, and the view-models
 * of the pages and the status bar. Lives as long as the window, so a language switch keeps the queue.
 */
public final class MainWindowViewModel {

    /** The pages of the navigation rail; Drafts joins here with its issue. */
    public enum Page { SETUP, DOCUMENTS, INBOX, SEARCH }

    private final Localization localization;
    private final ThemeSwitcher themes;
    private final SettingsViewModel settings;
    private final DocumentsViewModel documents;
    private final InboxViewModel inbox;
    private final SearchViewModel search;
    private final FirstRunViewModel firstRun;
    private final StatusBarViewModel statusBar;
    private final ReadOnlyObjectWrapper<ModelState> modelState;
    private final ReadOnlyBooleanWrapper setupNeeded = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>();

    /**
     * Loads the settings (a small local read, once, before the window shows) and subscribes to the model.
     *
     * @param systemLocale the operating system's language, used while the settings say "system"
     */
    public MainWindowViewModel(SummaryService summaries, ModelService models, SettingsService settingsService,
            ExportService exports, InboxService inboxService, SearchService searchService, Locale systemLocale) {
        Settings loaded = settingsService.load();
        Background background = new Background();
        RunningTasks runningTasks = new RunningTasks();
        localization = new Localization(Localization.resolve(loaded.language(), systemLocale));
        themes = new ThemeSwitcher(loaded.theme());
        settings = new SettingsViewModel(settingsService, loaded, localization, themes, background, systemLocale);
        modelState = new ReadOnlyObjectWrapper<>(models.state());
        models.addListener(state -> Platform.runLater(() -> modelState.set(state)));
        documents = new DocumentsViewModel(summaries, exports, runningTasks, background);
        inbox = new InboxViewModel(inboxService, runningTasks, background);
        search = new SearchViewModel(searchService, runningTasks, background);
        firstRun = new FirstRunViewModel(models, modelState.getReadOnlyProperty(), settings, localization, runningTasks);
        statusBar = new StatusBarViewModel(models, modelState.getReadOnlyProperty(), runningTasks);

        setupNeeded.set(!(modelState.get() instanceof ModelState.Loading
                || modelState.get() instanceof ModelState.Ready
                || modelState.get() instanceof ModelState.Busy));
        modelState.addListener((obs, old, state) -> followModel(state));
        page.set(setupNeeded.get() ? Page.SETUP : Page.DOCUMENTS);
        // Opening the Inbox shows what the service has now, e.g. labels written back by another window.
        // Opening the Search tab shows the collections' counts as they are now.
        page.addListener((obs, old, now) -> {
            switch (now) {
                case INBOX -> inbox.reload();
                case SEARCH -> search.reload();
                default -> { }
            }
        });
    }

    /** Dropped or chosen files go to the queue, and the user sees them arrive there. */
    public void addFiles(List<Path> files) {
        documents.addFiles(files);
        page.set(Page.DOCUMENTS);
    }

    /** A dropped folder: the Search tab asks which collection it joins. */
    public void addFolderToSearch(Path folder) {
        page.set(Page.SEARCH);
        search.offerFolder(folder);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** True until a model is installed: the Setup page with the first-run panel is in the rail. */
    public ReadOnlyBooleanProperty setupNeededProperty() {
        return setupNeeded.getReadOnlyProperty();
    }

    public Localization localization() {
        return localization;
    }

    public ThemeSwitcher themes() {
        return themes;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public DocumentsViewModel documents() {
        return documents;
    }

    public InboxViewModel inbox() {
        return inbox;
    }

    public SearchViewModel search() {
        return search;
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
                page.set(Page.SETUP);
            }
            case ModelState.Downloading d -> { }
            case ModelState.Failed f -> { }
        }
    }

    private void endSetup() {
        if (setupNeeded.get()) {
            setupNeeded.set(false);
            if (page.get() == Page.SETUP) {
                page.set(Page.DOCUMENTS);
            }
        }
    }
}
