package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.fixtures.documents.TestDocx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a command's log goes, with the app's own log configuration: into the logs folder of the data folder the
 * command line names, private to the user, and never into the shared temporary folder (which an early logger made
 * the default once).
 */
class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void theLogAndTheDocumentWorkersLogAreInTheNamedDataFoldersPrivateLogsFolder() throws Exception {
        Path home = dir.resolve("home");
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path docx = TestDocx.pleading(Files.createDirectories(dir.resolve("files")));

        CliRun run = CliProcess.runWithTheAppsLog(dir, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temp),
                "text", "--home", home.toString(), docx.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path logs = home.resolve("logs");
        assertThat(logs.resolve("hearth.log")).exists();
        assertThat(Files.readString(logs.resolve("document-worker.log"))).contains("Document worker");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        try (Stream<Path> left = Files.walk(temp)) {
            assertThat(left.filter(path -> path.getFileName().toString().endsWith(".log"))).isEmpty();
        }
    }

    @Test
    void withoutAnyHomeTheLogGoesToTheDataFolderOfTheEnvironmentNotToTheTemporaryFolder() throws Exception {
        Path home = dir.resolve("from-env");
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        CliRun run = CliProcess.runWithTheAppsLog(dir, Map.of("HEARTH_HOME", home.toString(),
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temp), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("logback");
        assertThat(home.resolve("logs").resolve("hearth.log")).exists();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("hearth"))).isEmpty();
        }
    }
}
