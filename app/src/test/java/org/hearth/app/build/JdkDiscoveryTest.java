package org.hearth.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./mvnw on a machine whose default java is older than 25 and where JAVA_HOME is unset: the wrapper
 * must pick the installed JDK 25 through build-tools/find-jdk.sh instead of stopping at the enforcer.
 */
@DisabledOnOs(OS.WINDOWS) // mvnw.cmd does no search: Windows users set JAVA_HOME (README)
class JdkDiscoveryTest {

    private static final Path REPOSITORY = repositoryRoot();
    private static final String RUNNING_JDK = System.getProperty("java.home");

    @TempDir
    Path dir;
    private final List<Path> links = new ArrayList<>();

    /** JUnit warns about links that leave the temp folder when it cleans up; they are removed first. */
    @AfterEach
    void removeLinks() throws IOException {
        for (Path link : links) {
            Files.deleteIfExists(link);
        }
    }

    @Test
    void mavenWrapperFindsJdk25WhenTheDefaultJavaIsOlderAndJavaHomeIsUnset() throws Exception {
        Path path = pathWithOldJava();

        String version = run(Map.of("PATH", path + ":/usr/bin:/bin"), "./mvnw", "-v");

        assertThat(version).contains("Java version: 25");
    }

    @Test
    void mavenWrapperReplacesAJavaHomeThatIsOlderThan25() throws Exception {
        Path old = oldJdk();

        String version = run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", old.toString()), "./mvnw", "-v");

        assertThat(version).contains("Java version: 25");
    }

    @Test
    void mavenWrapperKeepsAJavaHomeThatIsJdk25() throws Exception {
        String version = run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", RUNNING_JDK), "./mvnw", "-v");

        assertThat(version).contains("runtime: " + Path.of(RUNNING_JDK).toRealPath());
    }

    /** A JDK 25 reached through a path no search would find: only keeping JAVA_HOME as given prints it. */
    @Test
    void findJdkKeepsJavaHomeAsGiven() throws Exception {
        Path linked = link(dir.resolve("my-jdk"), Path.of(RUNNING_JDK));
        String script = ". build-tools/find-jdk.sh && hearth_find_jdk";

        String found = run(Map.of("PATH", pathWithOldJava() + ":/usr/bin:/bin", "JAVA_HOME", linked.toString()), "sh", "-c", script);

        assertThat(found.strip()).isEqualTo(linked.toString());
    }

    /** A folder on PATH whose java and javac are a JDK older than 25, as `update-alternatives` leaves them. */
    private Path pathWithOldJava() throws IOException {
        Path old = oldJdk();
        Path bin = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("java", "javac")) {
            if (!Files.exists(bin.resolve(tool))) {
                link(bin.resolve(tool), old.resolve("bin").resolve(tool));
            }
        }
        return bin;
    }

    /**
     * A JDK 17: the installed one where there is one (as on the machines that showed the problem),
     * else a stand-in that says it is 17 and fails when run, so using it shows in the output.
     */
    private Path oldJdk() throws IOException {
        for (Path installed : List.of(Path.of("/usr/lib/jvm/java-17-openjdk-amd64"), Path.of("/usr/lib/jvm/java-17-openjdk-arm64"))) {
            if (Files.isExecutable(installed.resolve("bin/javac"))) {
                return installed;
            }
        }
        Path fake = dir.resolve("jdk-17");
        if (!Files.exists(fake)) {
            Files.createDirectories(fake.resolve("bin"));
            Files.writeString(fake.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
            for (String tool : List.of("java", "javac")) {
                Path file = fake.resolve("bin").resolve(tool);
                Files.writeString(file, "#!/bin/sh\necho 'a JDK 17 stand-in' >&2\nexit 1\n");
                file.toFile().setExecutable(true);
            }
        }
        return fake;
    }

    /** Runs a command in the repository with exactly {@code environment} (plus HOME) and returns stdout and stderr. */
    private String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", System.getProperty("user.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not end within 2 min: " + String.join(" ", command));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private Path link(Path link, Path target) throws IOException {
        links.add(Files.createSymbolicLink(link, target));
        return link;
    }

    private static Path repositoryRoot() {
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null && !Files.isRegularFile(candidate.resolve("build-tools/find-jdk.sh"))) {
            candidate = candidate.getParent();
        }
        if (candidate == null) {
            throw new IllegalStateException("not inside the Hearth repository: " + Path.of("").toAbsolutePath());
        }
        return candidate;
    }
}
