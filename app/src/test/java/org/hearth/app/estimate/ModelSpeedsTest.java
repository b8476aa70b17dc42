package org.hearth.app.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hearth.app.state.LocalState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measured speeds in hearth.db: per model file, the newest replacing the older, kept across openings. */
class ModelSpeedsTest {

    @TempDir
    Path dir;

    @Test
    void eachModelKeepsItsNewestSpeedAcrossOpenings() {
        Path file = dir.resolve("hearth.db");
        try (ModelSpeeds speeds = new ModelSpeeds(LocalState.open(file))) {
            assertThat(speeds.of("Qwen3.5-4B-Q4_K_M.gguf")).isEmpty();
            speeds.record("Qwen3.5-4B-Q4_K_M.gguf", new ModelSpeed(100, 10, 0.5, true));
            speeds.record("Qwen3.5-4B-Q4_K_M.gguf", new ModelSpeed(150, 12, 0.4, true));
            speeds.record("Qwen3.5-0.8B-Q8_0.gguf", new ModelSpeed(900, 40, 0.3, true));
        }

        try (ModelSpeeds reopened = new ModelSpeeds(LocalState.open(file))) {
            assertThat(reopened.of("Qwen3.5-4B-Q4_K_M.gguf")).contains(new ModelSpeed(150, 12, 0.4, true));
            assertThat(reopened.of("Qwen3.5-0.8B-Q8_0.gguf")).contains(new ModelSpeed(900, 40, 0.3, true));
        }
    }
}
