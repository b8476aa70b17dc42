package org.hearth.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
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
        Application.setUserAgentStylesheet(stylesheet(dark ? new PrimerDark() : new PrimerLight()));
    }

    /**
     * The theme as the build compiled it (build-tools/CompileThemes.java): JavaFX loads the binary form in a tenth
     * of the time it parses the CSS, which the window's first frame waits for. The CSS where there is none.
     */
    static String stylesheet(atlantafx.base.theme.Theme theme) {
        String css = theme.getUserAgentStylesheet();
        String name = css.substring(css.lastIndexOf('/') + 1).replace(".css", ".bss");
        URL binary = ThemeSwitcher.class.getResource(name);
        return binary != null ? binary.toExternalForm() : css;
    }
}
