package org.hearth.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.ThemeSwitcher;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.SettingsService;
import org.hearth.ui.service.SettingsService.Settings;

/** The user's settings: applied to the open window at once, saved by the service in the background. */
public final class SettingsViewModel {

    private final SettingsService service;
    private final ModelService models;
    private final Localization localization;
    private final ThemeSwitcher themes;
    private final Background background;
    private final Locale systemLocale;
    private final ReadOnlyObjectWrapper<Settings> current;

    public SettingsViewModel(SettingsService service, ModelService models, Settings loaded, Localization localization,
            ThemeSwitcher themes, Background background, Locale systemLocale) {
        this.service = service;
        this.models = models;
        this.current = new ReadOnlyObjectWrapper<>(loaded);
        this.localization = localization;
        this.themes = themes;
        this.background = background;
        this.systemLocale = systemLocale;
    }

    public Settings current() {
        return current.get();
    }

    /** The settings as last applied, for a page that follows one of them (e.g. the templates folder). */
    public ReadOnlyObjectProperty<Settings> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public void apply(Settings changed) {
        current.set(changed);
        background.run(() -> service.save(changed));
        localization.setLocale(Localization.resolve(changed.language(), systemLocale));
        themes.setTheme(changed.theme());
    }

    public void changeLanguage(UiLanguage language) {
        Settings now = current.get();
        apply(new Settings(now.model(), now.threads(), now.contextLength(), language.code(), now.theme(), now.templates()));
    }

    /**
     * The models to choose from: "" for the automatic choice, the installed ones, and the one in the settings even
     * if its file is gone, so opening the dialog never changes the setting by itself.
     */
    public List<String> modelChoices() {
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(models.installedModels());
        if (!choices.contains(current().model())) {
            choices.add(current().model());
        }
        return choices;
    }

    /** For the threads field: how many the machine has (0 in the settings means all of them). */
    public int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
