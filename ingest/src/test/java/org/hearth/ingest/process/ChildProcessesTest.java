package org.hearth.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildProcessesTest {

    /** The build sets HEARTH_HOME for every test JVM, so this process has it and a child would inherit it. */
    private static final String PRESENT = "HEARTH_HOME";

    @Test
    void aWithheldVariableDoesNotReachTheChild() throws Exception {
        assumeTrue(System.getenv(PRESENT) != null, "the build sets " + PRESENT);

        String environment = run(ChildProcesses.builder(List.of("env"), Set.of(PRESENT)));

        assertThat(environment).doesNotContain(PRESENT + "=").contains("PATH=");
    }

    @Test
    void otherVariablesStillReachTheChild() throws Exception {
        assumeTrue(System.getenv(PRESENT) != null, "the build sets " + PRESENT);

        String environment = run(ChildProcesses.builder(List.of("env"), Set.of("SOME_OTHER_SECRET")));

        assertThat(environment).contains(PRESENT + "=");
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return output;
    }
}
