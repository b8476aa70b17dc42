package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window takes files to open ("Open with Hearth"); anything else that is no command is an error, not a window. */
class OpenFilesArgumentTest {

    @TempDir
    Path home;

    @Test
    void aMistypedCommandIsNamedAndOpensNoWindow() {
        CliRun run = CliRun.in(home, "sumarize");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("hearth: no command or file named 'sumarize' (see 'hearth --help')");
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        CliRun run = CliRun.in(home, home.resolve("missing.pdf").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("missing.pdf");
    }
}
