package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --json} in a real process: stdout is the JSON document or nothing. A data folder that is a
 * file once let logback print its status and a stack trace to stdout and still exit 0.
 */
class JsonOutputTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"summarize NOTE --json", "models list --json", "accounts list --json", "search Miete --json", "text NOTE --json"})
    void aFailureLeavesStdoutEmptyAndSaysWhyInOneLine(String commandLine) throws Exception {
        Path note = Files.writeString(dir.resolve("note.txt"), "Die Miete ist fällig.");
        Path notAFolder = Files.writeString(dir.resolve("hearth-home"), "a file where the data folder should be");
        List<String> args = new ArrayList<>();
        for (String arg : commandLine.split(" ")) {
            args.add(arg.equals("NOTE") ? note.toString() : arg);
        }

        CliRun run = CliProcess.run(dir, Map.of("HEARTH_HOME", notAFolder.toString()), args.toArray(String[]::new));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().filter(line -> !line.startsWith("WARNING:")))
                .containsExactly("hearth: the data folder " + notAFolder + " is a file, not a folder (see --home and HEARTH_HOME)");
    }
}
