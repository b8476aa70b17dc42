package org.hearth.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of this machine for benchmark records: CPU, cores, memory, OS. */
public final class MachineDescription {

    private MachineDescription() {
    }

    public static String current() {
        long memoryGiB = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memoryGiB = Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB, %s %s",
                cpuName(), Runtime.getRuntime().availableProcessors(), memoryGiB,
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String cpuName() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst().orElse("unknown CPU");
            } catch (IOException e) {
                return "unknown CPU";
            }
        }
        return System.getProperty("os.arch");
    }
}
