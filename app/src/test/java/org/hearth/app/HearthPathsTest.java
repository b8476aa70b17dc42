package org.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void onWindowsModelsAndTheIndexStayOnThisMachineWhileSettingsRoam() {
        HearthPaths paths = HearthPaths.resolve(null,
                Map.of("APPDATA", "C:/Users/anna/AppData/Roaming", "LOCALAPPDATA", "C:/Users/anna/AppData/Local"), "Windows 11", "C:/Users/anna");

        assertThat(paths.models()).isEqualTo(Path.of("C:/Users/anna/AppData/Local/Hearth/models"));
        assertThat(paths.index()).isEqualTo(Path.of("C:/Users/anna/AppData/Local/Hearth/index"));
        assertThat(paths.database()).isEqualTo(Path.of("C:/Users/anna/AppData/Roaming/Hearth/hearth.db"));
        assertThat(paths.logs()).isEqualTo(Path.of("C:/Users/anna/AppData/Roaming/Hearth/logs"));
    }

    @Test
    void onWindowsWithoutLocalAppDataTheUsualLocalFolderIsUsed() {
        HearthPaths paths = HearthPaths.resolve(null, Map.of(), "Windows 11", "C:/Users/anna");

        assertThat(paths.models()).isEqualTo(Path.of("C:/Users/anna/AppData/Local/Hearth/models"));
        assertThat(paths.home()).isEqualTo(Path.of("C:/Users/anna/AppData/Roaming/Hearth"));
    }

    @Test
    void anOverriddenHomeHoldsEverythingOnEveryOs() {
        HearthPaths paths = HearthPaths.resolve(null, Map.of("HEARTH_HOME", "/tmp/env", "LOCALAPPDATA", "C:/local"), "Windows 11", "C:/Users/anna");

        assertThat(paths.models()).isEqualTo(Path.of("/tmp/env/models").toAbsolutePath());
        assertThat(paths.index()).isEqualTo(Path.of("/tmp/env/index").toAbsolutePath());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aNewDataFolderIsPrivate(@TempDir Path dir) throws Exception {
        HearthPaths paths = new HearthPaths(dir.resolve("shared/hearth")).prepare();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.home()))).isEqualTo("rwx------");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anExistingDataFolderIsTightenedWithoutFollowingLinks(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path index = Files.createDirectories(home.resolve("index"));
        Path database = Files.writeString(home.resolve("hearth.db"), "state");
        Path segment = Files.writeString(index.resolve("_0.cfs"), "passages");
        Path elsewhere = Files.writeString(dir.resolve("model.gguf"), "weights");
        Path link = Files.createSymbolicLink(home.resolve("imported.gguf"), elsewhere);
        for (Path folder : new Path[] {home, index}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path file : new Path[] {database, segment, elsewhere}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        new HearthPaths(home).prepare();

        assertThat(rights(home)).isEqualTo("rwx------");
        assertThat(rights(index)).isEqualTo("rwx------");
        assertThat(rights(database)).isEqualTo("rw-------");
        assertThat(rights(segment)).isEqualTo("rw-------");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(rights(elsewhere)).isEqualTo("rw-r--r--");
    }

    /**
     * At a first start the log's set-up thread creates the data folder (the parent of its logs folder) while the main
     * thread prepares it; whichever comes second must find it made, not fail the start.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void twoThreadsCreatingTheSameNewFolderBothSucceedAndLeaveItPrivate(@TempDir Path dir) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int attempt = 0; attempt < 300; attempt++) {
                Path folder = dir.resolve("home-" + attempt);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Void> create = () -> {
                    together.await();
                    HearthPaths.createPrivate(folder);
                    return null;
                };
                Future<Void> first = threads.submit(create);
                Future<Void> second = threads.submit(create);
                first.get();
                second.get();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            }
        }
    }

    @Test
    void aDataFolderThatIsAFileIsReportedAsSuch(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hearth"), "not a folder");

        assertThatThrownBy(() -> new HearthPaths(file).prepare())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is a file, not a folder");
    }

    private static String rights(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
