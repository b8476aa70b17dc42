package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.ingest.process.ChildProcesses;
import org.junit.jupiter.api.Test;

/** The document worker does not inherit a variable that holds a password (summarize --password-env VAR). */
class WorkerEnvironmentTest {

    /** Set by the build for every test JVM; the worker does not need it, so withholding it for the rest of this JVM is harmless. */
    private static final String SECRET = "HEARTH_HOME";

    @Test
    void theWorkerLacksAWithheldVariable() throws Exception {
        assumeTrue(System.getenv(SECRET) != null, "the build sets " + SECRET);
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads a process's environment through /proc (Linux)");
        ChildProcesses.withhold(SECRET);

        try (WorkerProcess worker = WorkerProcess.start(64)) {
            String environment = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(worker.handle().pid()), "environ")),
                    StandardCharsets.UTF_8);

            assertThat(environment.split("\0")).noneMatch(entry -> entry.startsWith(SECRET + "=")).anyMatch(entry -> entry.startsWith("PATH="));
        }
    }
}
