package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesFolderTest {

    @TempDir
    Path appFolder;

    @Test
    void theSystemPropertyWinsOverEverything() throws IOException {
        Files.createDirectory(appFolder.resolve(NativesFolder.BUNDLED));

        assertThat(NativesFolder.choose("/from/property", "/from/env", Optional.of(appFolder)))
                .contains(Path.of("/from/property"));
    }

    @Test
    void theEnvironmentVariableOverridesTheBundledLibraries() throws IOException {
        Files.createDirectory(appFolder.resolve(NativesFolder.BUNDLED));

        assertThat(NativesFolder.choose(null, "/from/env", Optional.of(appFolder))).contains(Path.of("/from/env"));
        assertThat(NativesFolder.choose(" ", "/from/env", Optional.of(appFolder))).contains(Path.of("/from/env"));
    }

    @Test
    void withoutEitherTheInstalledAppUsesTheFolderBesideItsJars() throws IOException {
        Path bundled = Files.createDirectory(appFolder.resolve(NativesFolder.BUNDLED));

        assertThat(NativesFolder.choose(null, "", Optional.of(appFolder))).contains(bundled);
    }

    @Test
    void aBuildWithoutBundledLibrariesHasNoFolder() {
        assertThat(NativesFolder.choose(null, null, Optional.of(appFolder))).isEmpty();
        assertThat(NativesFolder.choose(null, null, Optional.empty())).isEmpty();
    }

    @Test
    void testsRunFromClassesSoThereIsNoJarFolder() {
        assertThat(NativesFolder.jarFolder()).isEmpty();
    }
}
