package org.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HearthPathsTest {

    @Test
    void theOptionWinsOverTheEnvironment() {
        HearthPaths paths = HearthPaths.resolve(Path.of("/tmp/option"), Map.of("HEARTH_HOME", "/tmp/env"), "Linux", "/home/anna");
        assertThat(paths.home()).isEqualTo(Path.of("/tmp/option"));
    }

    @Test
    void hearthHomeWinsOverTheOsFolder() {
        HearthPaths paths = HearthPaths.resolve(null, Map.of("HEARTH_HOME", "/tmp/env"), "Mac OS X", "/Users/anna");
        assertThat(paths.home()).isEqualTo(Path.of("/tmp/env"));
        assertThat(paths.models()).isEqualTo(Path.of("/tmp/env/models"));
        assertThat(paths.database()).isEqualTo(Path.of("/tmp/env/hearth.db"));
    }

    @Test
    void eachOsHasItsApplicationDataFolder() {
        assertThat(HearthPaths.resolve(null, Map.of(), "Mac OS X", "/Users/anna").home())
                .isEqualTo(Path.of("/Users/anna/Library/Application Support/Hearth"));
        assertThat(HearthPaths.resolve(null, Map.of("APPDATA", "C:/Users/anna/AppData/Roaming"), "Windows 11", "C:/Users/anna").home())
                .isEqualTo(Path.of("C:/Users/anna/AppData/Roaming/Hearth"));
        assertThat(HearthPaths.resolve(null, Map.of("XDG_DATA_HOME", "/home/anna/.data"), "Linux", "/home/anna").home())
                .isEqualTo(Path.of("/home/anna/.data/hearth"));
        assertThat(HearthPaths.resolve(null, Map.of(), "Linux", "/home/anna").home())
                .isEqualTo(Path.of("/home/anna/.local/share/hearth"));
    }
}
