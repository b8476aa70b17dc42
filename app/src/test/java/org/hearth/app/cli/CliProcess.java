package org.hearth.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hearth.app.Main;

/**
 * The command line in a child JVM, as a user runs it: its own environment (e.g. the variable behind
 * {@code --password-env}), its own process to kill.
 */
final class CliProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static CliProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        return start(dir, environment, System.getProperty("java.class.path"), args);
    }

    /** As a user runs it down to the log: without the tests' logback-test.xml, the app's own log file configuration. */
    static CliRun runWithTheAppsLog(Path dir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry, "logback-test.xml")))
                .collect(Collectors.joining(File.pathSeparator));
        return start(dir, environment, classPath, args).finish(10);
    }

    /** The command that runs Hearth in a child JVM of the tests' own Java, class path and natives. */
    static List<String> hearth(String classPath) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dhearth.natives.dir=" + System.getProperty("hearth.natives.dir"), "-cp", classPath, Main.class.getName());
    }

    private static CliProcess start(Path dir, Map<String, String> environment, String classPath, String... args) throws IOException {
        List<String> command = new ArrayList<>(hearth(classPath));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new CliProcess(builder.start(), out, err);
    }

    /** Waits for the command to end (at most {@code minutes}) and returns what it printed. */
    CliRun finish(int minutes) throws IOException, InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + minutes + " min; stderr: " + Files.readString(err));
        }
        return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** kill -9: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    static CliRun run(Path dir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return start(dir, environment, args).finish(10);
    }
}
