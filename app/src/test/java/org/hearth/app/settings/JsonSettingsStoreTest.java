package org.hearth.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.ui.service.SettingsService.Settings;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void savedSettingsComeBack() {
        JsonSettingsStore store = new JsonSettingsStore(home.resolve("settings.json"));
        Settings settings = new Settings("qwen3.5-4b-q4_k_m", 2, 16384, "de", Theme.DARK, "/kanzlei/Vorlagen");

        store.save(settings);

        assertThat(new JsonSettingsStore(home.resolve("settings.json")).load()).isEqualTo(settings);
    }

    @Test
    void aFileFromBeforeTheTemplatesFolderHasNoneChosen() throws Exception {
        Path file = Files.writeString(home.resolve("settings.json"),
                "{\"model\":\"\",\"threads\":2,\"contextLength\":8192,\"language\":\"de\",\"theme\":\"LIGHT\"}");

        Settings loaded = new JsonSettingsStore(file).load();

        assertThat(loaded.templates()).isEmpty();
        assertThat(loaded.threads()).isEqualTo(2);
    }

    @Test
    void noFileGivesTheDefaults() {
        assertThat(new JsonSettingsStore(home.resolve("settings.json")).load()).isEqualTo(JsonSettingsStore.defaults());
    }

    @Test
    void aBrokenFileIsKeptAsideAndTheDefaultsApply() throws Exception {
        Path file = Files.writeString(home.resolve("settings.json"), "{\"model\": \"qwen");

        Settings loaded = new JsonSettingsStore(file).load();

        assertThat(loaded).isEqualTo(JsonSettingsStore.defaults());
        assertThat(home.resolve("settings.json.unreadable")).hasContent("{\"model\": \"qwen");
    }
}
