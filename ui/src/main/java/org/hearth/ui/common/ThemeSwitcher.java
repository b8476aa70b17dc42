package org.hearth.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import org.hearth.ui.service.SettingsService.Theme;

/** AtlantaFX Primer Light or Dark: as chosen in the settings, or following the operating system. */
public final class ThemeSwitcher {

    private Theme theme;

    public ThemeSwitcher(Theme initial) {
        theme = initial;
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> apply());
        apply();
    }

    public void setTheme(Theme newTheme) {
        theme = newTheme;
        apply();
    }

    private void apply() {
        boolean dark = switch (theme) {
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
            case LIGHT -> false;
            case DARK -> true;
        };
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
