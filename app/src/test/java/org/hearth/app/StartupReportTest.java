package org.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up report is asked for through the environment, by `hearth bench startup` for the window it starts. */
class StartupReportTest {

    @Test
    void withoutAReportFileNothingIsReported() {
        assertThat(StartupReport.requested(Map.<String, String>of()::get)).isEmpty();
        assertThat(StartupReport.requested(Map.of("HEARTH_STARTUP_REPORT", " ")::get)).isEmpty();
    }

    @Test
    void anIdleTimeWithinTenMinutesIsTaken() {
        assertThat(StartupReport.requested(Map.of("HEARTH_STARTUP_REPORT", "/tmp/report.json")::get)).isPresent();
        assertThat(StartupReport.requested(Map.of("HEARTH_STARTUP_REPORT", "/tmp/report.json",
                "HEARTH_STARTUP_IDLE_SECONDS", "600")::get)).isPresent();
    }

    @Test
    void anAbsurdIdleTimeIsRefusedWithTheRange() {
        for (String absurd : new String[] {"-1", "601", "ten", "18446744073709551615"}) {
            assertThatThrownBy(() -> StartupReport.requested(Map.of("HEARTH_STARTUP_REPORT", "/tmp/report.json",
                    "HEARTH_STARTUP_IDLE_SECONDS", absurd)::get))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("HEARTH_STARTUP_IDLE_SECONDS must be a whole number of seconds from 0 to 600, was '" + absurd + "'");
        }
    }
}
