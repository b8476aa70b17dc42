package org.hearth.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The resident set the status bar shows and the start-up benchmark records is this process's real memory. */
class ResidentMemoryTest {

    @Test
    void memoryThatIsTouchedShowsInTheResidentSet() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "reads /proc (Linux)");
        long before = ResidentMemory.ofThisProcess().orElseThrow();

        // Native memory, not the heap: a heap that earlier tests grew may already hold resident pages for an array.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fresh = arena.allocate(128L << 20);
            for (long offset = 0; offset < fresh.byteSize(); offset += 4096) {
                fresh.set(ValueLayout.JAVA_BYTE, offset, (byte) 1);
            }
            long after = ResidentMemory.ofThisProcess().orElseThrow();

            assertThat(before).isGreaterThan(10L << 20);
            assertThat(after - before).as("128 MB written page by page").isGreaterThan(100L << 20);
        }
    }
}
