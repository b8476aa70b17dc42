package org.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The data folder of the log is read from the command line before the command line is parsed. */
class LoggingSetupTest {

    @Test
    void theHomeOptionIsFoundBeforeOrAfterTheCommandAndInBothForms() {
        assertThat(LoggingSetup.homeIn("--home", "/a", "summarize", "x.pdf")).isEqualTo(Path.of("/a"));
        assertThat(LoggingSetup.homeIn("summarize", "--home=/b", "x.pdf")).isEqualTo(Path.of("/b"));
    }

    @Test
    void withoutTheOptionOrAfterTheEndOfOptionsThereIsNone() {
        assertThat(LoggingSetup.homeIn("summarize", "x.pdf")).isNull();
        assertThat(LoggingSetup.homeIn("text", "--", "--home", "/c")).isNull();
        assertThat(LoggingSetup.homeIn("summarize", "--home")).isNull();
    }
}
