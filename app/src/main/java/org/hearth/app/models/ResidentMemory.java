package org.hearth.app.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident set of this process: the memory it really occupies, which the heap figures do not show. The status
 * bar shows it, and the start-up benchmark records it.
 */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Linux reads it from /proc, macOS from ps; elsewhere there is none. */
    public static OptionalLong ofThisProcess() {
        try {
            Path status = Path.of("/proc/self/status");
            if (Files.isReadable(status)) {
                return kilobytesIn(Files.readAllLines(status).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .findFirst().map(line -> line.substring("VmRSS:".length()).replace("kB", "")).orElse(""));
            }
            if (System.getProperty("os.name").startsWith("Mac")) {
                Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(ProcessHandle.current().pid()))
                        .redirectErrorStream(true).start();
                String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                return ps.waitFor() == 0 ? kilobytesIn(out) : OptionalLong.empty();
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalLong.empty();
    }

    private static OptionalLong kilobytesIn(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()) * 1024);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
