package org.hearth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.net.URI;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The themes the window loads are the build's binary form of AtlantaFX's stylesheets, rule for rule. */
class ThemeStylesheetTest {

    @Test
    void eachThemeLoadsItsBinaryFormWithEveryRuleOfItsCss() throws Exception {
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            String chosen = ThemeSwitcher.stylesheet(theme);
            assertThat(chosen).endsWith(theme instanceof PrimerDark ? "primer-dark.bss" : "primer-light.bss");

            Stylesheet binary = Stylesheet.loadBinary(URI.create(chosen).toURL());
            Stylesheet css = new CssParser().parse(theme.getClass().getResource(theme.getUserAgentStylesheet()));
            assertThat(binary.getRules()).hasSameSizeAs(css.getRules());
            assertThat(selectors(binary.getRules().getLast())).isEqualTo(selectors(css.getRules().getLast()));
        }
    }

    @Test
    void lightAndDarkAreNotTheSameStylesheet() throws Exception {
        byte[] light = URI.create(ThemeSwitcher.stylesheet(new PrimerLight())).toURL().openStream().readAllBytes();
        byte[] dark = URI.create(ThemeSwitcher.stylesheet(new PrimerDark())).toURL().openStream().readAllBytes();

        assertThat(light).isNotEqualTo(dark);
    }

    private static String selectors(Rule rule) {
        return rule.getSelectors().toString() + rule.getDeclarations().toString();
    }
}
