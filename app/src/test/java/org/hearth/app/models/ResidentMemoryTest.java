package org.hearth.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The resident set the status bar shows and the start-up benchmark records is this process's real memory. */
class ResidentMemoryTest {

    @Test
    void memoryThatIsTouchedShowsInTheResidentSet() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "reads /proc (Linux)");
        long before = ResidentMemory.ofThisProcess().orElseThrow();

        byte[] touched = new byte[128 << 20];
        for (int i = 0; i < touched.length; i += 4096) {
            touched[i] = 1;
        }
        long after = ResidentMemory.ofThisProcess().orElseThrow();

        assertThat(before).isGreaterThan(10L << 20);
        assertThat(after - before).as("128 MB written page by page").isGreaterThan(100L << 20);
        assertThat(touched[touched.length - 4096]).isEqualTo((byte) 1);
    }
}
