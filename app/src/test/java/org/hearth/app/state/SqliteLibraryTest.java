package org.hearth.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which SQLite library the driver loads: the installer's, unless one was chosen or none is bundled. */
class SqliteLibraryTest {

    @TempDir
    Path appFolder;

    @Test
    void theInstallersLibraryBesideTheJarsIsChosen() throws Exception {
        Path bundled = Files.createDirectories(appFolder.resolve("natives").resolve("sqlite"));
        Files.writeString(bundled.resolve("libsqlitejdbc.so"), "ELF");

        assertThat(SqliteLibrary.choose(null, Optional.of(appFolder), "libsqlitejdbc.so")).contains(bundled);
    }

    @Test
    void aFolderChosenAlreadyIsKept() throws Exception {
        Path bundled = Files.createDirectories(appFolder.resolve("natives").resolve("sqlite"));
        Files.writeString(bundled.resolve("libsqlitejdbc.so"), "ELF");

        assertThat(SqliteLibrary.choose("/opt/elsewhere", Optional.of(appFolder), "libsqlitejdbc.so")).isEmpty();
    }

    @Test
    void withoutABundledLibraryTheDriverUnpacksItsOwn() throws Exception {
        assertThat(SqliteLibrary.choose(null, Optional.empty(), "libsqlitejdbc.so")).as("a development build").isEmpty();
        Files.createDirectories(appFolder.resolve("natives").resolve("sqlite"));
        assertThat(SqliteLibrary.choose(null, Optional.of(appFolder), "libsqlitejdbc.so")).as("an empty folder").isEmpty();
        Files.writeString(appFolder.resolve("natives").resolve("sqlite").resolve("sqlitejdbc.dll"), "MZ");
        assertThat(SqliteLibrary.choose(null, Optional.of(appFolder), "libsqlitejdbc.so")).as("another platform's").isEmpty();
    }
}
