package org.hearth.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.hearth.app.models.ResidentMemory;
import org.hearth.app.bench.StartupBenchmark;

/**
 * How the window started, for {@code hearth bench startup} and for the installer's training run of the start-up
 * cache: with {@code HEARTH_STARTUP_REPORT} naming a file, the window writes there the moment of its first frame and,
 * after {@code HEARTH_STARTUP_IDLE_SECONDS} idle seconds (default 10), its resident memory, and then closes. The
 * moment is wall-clock time, for the benchmark that started the process to subtract its own start from: a process's
 * start as Linux tells it is only as exact as the boot time's whole second. Without the variable nothing of this runs.
 */
final class StartupReport {

    private static final String ENV = StartupBenchmark.REPORT_ENV;
    private static final String IDLE_ENV = StartupBenchmark.IDLE_ENV;
    private static final long DEFAULT_IDLE_SECONDS = 10;

    private final Path file;
    private final Duration idle;

    private StartupReport(Path file, Duration idle) {
        this.file = file;
        this.idle = idle;
    }

    static Optional<StartupReport> requested() {
        return requested(System::getenv);
    }

    /** @param environment the value of an environment variable, or null */
    static Optional<StartupReport> requested(UnaryOperator<String> environment) {
        String file = environment.apply(ENV);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        String idle = environment.apply(IDLE_ENV);
        return Optional.of(new StartupReport(Path.of(file),
                Duration.ofSeconds(idle == null || idle.isBlank() ? DEFAULT_IDLE_SECONDS : idleSeconds(idle.strip()))));
    }

    private static long idleSeconds(String idle) {
        String problem = IDLE_ENV + " must be a whole number of seconds from 0 to " + StartupBenchmark.MAX_IDLE_SECONDS
                + ", was '" + idle + "'";
        try {
            long seconds = Long.parseLong(idle);
            if (seconds < 0 || seconds > StartupBenchmark.MAX_IDLE_SECONDS) {
                throw new IllegalArgumentException(problem);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }

    /** Call right after the window was shown: the first pulse after it lays out and renders the first frame. */
    void watch(Scene scene) {
        FirstFrame.then(scene, () -> {
            Instant shown = Instant.now();
            Thread.ofPlatform().daemon().name("hearth-startup-report").start(() -> reportWhenIdle(shown));
        });
    }

    private void reportWhenIdle(Instant firstFrame) {
        try {
            // the window is left alone, as a user leaves it after opening it
            TimeUnit.MILLISECONDS.sleep(idle.toMillis());
            ObjectNode report = new ObjectMapper().createObjectNode();
            report.put("first_frame_epoch_ms", firstFrame.toEpochMilli());
            OptionalLong rss = ResidentMemory.ofThisProcess();
            if (rss.isPresent()) {
                report.put("idle_rss_bytes", rss.getAsLong());
            }
            Files.writeString(file, report.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.runLater(Platform::exit);
        }
    }
}
