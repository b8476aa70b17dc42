package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hearth.fixtures.documents.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is left when the app dies without closing its reader (kill -9, a crash, power loss): the worker
 * must not outlive it, and its temp folder must not stay on disk for good.
 */
class WorkerLifetimeTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void a_worker_exits_when_its_parent_is_killed_and_its_temp_folder_goes() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        Process parent = startParent(temp);
        ProcessHandle worker = workerOf(parent);
        assertThat(workerFolders(temp, parent.pid())).hasSize(1);

        parent.destroyForcibly();

        assertThat(parent.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.onExit().completeOnTimeout(null, TIMEOUT_SECONDS, TimeUnit.SECONDS).get())
                .as("the worker ended after its parent was killed").isNotNull();
        assertThat(worker.isAlive()).isFalse();
        assertThat(workerFolders(temp, parent.pid())).isEmpty();
    }

    @Test
    void the_next_start_removes_the_temp_folder_of_a_parent_that_died_with_its_worker() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        Process parent = startParent(temp);
        ProcessHandle worker = workerOf(parent);
        // power loss: neither process gets to clean up
        worker.destroyForcibly();
        assertThat(worker.onExit().completeOnTimeout(null, TIMEOUT_SECONDS, TimeUnit.SECONDS).get()).isNotNull();
        parent.destroyForcibly();
        assertThat(parent.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(workerFolders(temp, parent.pid())).hasSize(1);
        Path alive = Files.createDirectory(temp.resolve("hearth-reader-" + ProcessHandle.current().pid() + "-1"));

        try (WorkerProcess next = WorkerProcess.start(64, temp)) {
            assertThat(workerFolders(temp, parent.pid())).isEmpty();
            assertThat(alive).as("a folder of a running app stays").isDirectory();
        }
    }

    @Test
    void the_class_path_is_not_on_the_workers_command_line() throws Exception {
        List<String> command = WorkerProcess.command(512, dir, dir.resolve("worker.args"));

        assertThat(command).allMatch(argument -> argument.length() < 300, "no argument longer than 300 characters");
        assertThat(String.join(" ", command)).hasSizeLessThan(1_000).contains(DocumentWorker.class.getName());
    }

    private Process startParent(Path temp) throws IOException {
        Path document = TestFiles.markdown(dir);
        return new ProcessBuilder(WorkerProcess.javaExecutable(), "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                ReaderParent.class.getName(), document.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static ProcessHandle workerOf(Process parent) throws IOException {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the parent started its worker").startsWith("worker ");
            return ProcessHandle.of(Long.parseLong(line.substring("worker ".length()))).orElseThrow();
        } catch (IOException | RuntimeException | AssertionError e) {
            parent.destroyForcibly();
            throw e;
        }
    }

    private static List<Path> workerFolders(Path temp, long parentPid) throws IOException {
        try (Stream<Path> folders = Files.list(temp)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("hearth-reader-" + parentPid + "-")).toList();
        }
    }
}
