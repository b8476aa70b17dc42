package org.hearth.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.domain.Language;
import org.hearth.ui.service.SettingsService;
import org.junit.jupiter.api.Test;

/** The CLI and the window take triage's language and threads from the same place. */
class TriageDefaultsTest {

    private static SettingsService.Settings settings(String language, int threads) {
        SettingsService.Settings defaults = JsonSettingsStore.defaults();
        return new SettingsService.Settings(defaults.model(), threads, defaults.contextLength(), language, defaults.theme(), "");
    }

    @Test
    void theCommandLinesLanguageWinsOverTheSettings() {
        assertThat(TriageDefaults.settings(settings("de", 0), null, "en").language()).isEqualTo(Language.ENGLISH);
        assertThat(TriageDefaults.settings(settings("en", 0), null, "de").language()).isEqualTo(Language.GERMAN);
        assertThat(TriageDefaults.settings(settings("de", 0), null, null).language()).isEqualTo(Language.GERMAN);
    }

    @Test
    void threadsComeFromTheSettingsUnlessGivenAndZeroMeansTheDefault() {
        assertThat(TriageDefaults.settings(settings("de", 3), null, null).context().threads()).isEqualTo(3);
        assertThat(TriageDefaults.settings(settings("de", 3), 1, null).context().threads()).isEqualTo(1);
        assertThat(TriageDefaults.settings(settings("de", 0), null, null).context().threads())
                .isEqualTo(ContextOptions.defaults().threads());
    }
}
