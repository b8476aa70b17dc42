package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real file changes against a watcher whose clock only the test moves: the quiet period passes
 * when the test says so, so no test waits for it, and "not yet reported" is certain, not a race.
 */
class FolderWatcherTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final BlockingQueue<String> reported = new LinkedBlockingQueue<>();
    private final BlockingQueue<Path> observed = new LinkedBlockingQueue<>();
    private final List<Path> seen = new ArrayList<>();
    private Path akten;
    private Path vorlagen;
    private FolderWatcher watcher;

    @BeforeEach
    void startWatcher() throws IOException {
        akten = Files.createDirectories(dir.resolve("akten"));
        vorlagen = Files.createDirectories(dir.resolve("vorlagen"));
        watcher = FolderWatcher.start(QUIET, clock, Duration.ofMillis(10), reported::add, observed::add);
        watcher.watch("Akten", akten);
        watcher.watch("Vorlagen", vorlagen);
    }

    @AfterEach
    void stopWatcher() throws IOException {
        watcher.close();
    }

    @Test
    void a_burst_of_changes_is_reported_once_after_the_quiet_period() throws Exception {
        Path a = drop(akten, "a.txt");
        Path b = drop(akten, "b.pdf");
        Path c = drop(akten, "c.docx");
        awaitObserved(List.of(a, b, c));

        assertThat(reported).as("the clock has not moved: still within the quiet period").isEmpty();
        clock.advance(QUIET);
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Akten");

        // the watcher works in order: once the next collection is reported, a repeat would have been too
        clock.advance(Duration.ofMinutes(1));
        awaitObserved(List.of(drop(vorlagen, "muster.md")));
        clock.advance(QUIET);
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Vorlagen");
        assertThat(reported).isEmpty();
    }

    @Test
    void each_change_restarts_the_quiet_period() throws Exception {
        awaitObserved(List.of(drop(akten, "a.txt")));
        awaitObserved(List.of(drop(vorlagen, "muster.md")));
        clock.advance(Duration.ofSeconds(1));
        awaitObserved(List.of(drop(akten, "b.txt")));
        clock.advance(Duration.ofSeconds(1));

        // Akten changed first, so had its quiet period not started again it would be reported first
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Vorlagen");
        clock.advance(Duration.ofSeconds(1));
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Akten");
    }

    @Test
    void a_new_subfolder_is_watched_too() throws Exception {
        Path year = Files.createDirectory(akten.resolve("2026"));
        awaitObserved(List.of(year));

        Path inside = drop(year, "klage.pdf");

        awaitObserved(List.of(inside));
        clock.advance(QUIET);
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Akten");
    }

    @Test
    void deleting_and_renaming_are_changes() throws Exception {
        Path file = drop(akten, "a.txt");
        awaitObserved(List.of(file));
        clock.advance(QUIET);
        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Akten");

        Path renamed = Files.move(file, akten.resolve("b.txt"));
        awaitObserved(List.of(file, renamed));
        Files.delete(renamed);
        awaitObserved(List.of(renamed));
        clock.advance(QUIET);

        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Akten");
    }

    @Test
    void files_the_index_ignores_are_not_changes() throws Exception {
        drop(akten, "~$klage.docx");
        drop(akten, ".notiz.txt");
        drop(akten, "tabelle.xlsx");
        Path counted = drop(akten, "klage.docx");

        awaitObserved(List.of(counted));

        assertThat(seen).containsExactly(counted);
    }

    @Test
    void an_unwatched_folder_is_not_reported() throws Exception {
        watcher.unwatch("Akten", akten);
        drop(akten, "a.txt");
        Path other = drop(vorlagen, "b.txt");

        awaitObserved(List.of(other));
        clock.advance(QUIET);

        assertThat(reported.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("Vorlagen");
        assertThat(seen).containsExactly(other);
    }

    /** A file appearing at once, as one event: written beside the folder and moved in. */
    private Path drop(Path folder, String name) throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path file = Files.writeString(staging.resolve(name), "Inhalt von " + name);
        return Files.move(file, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until the watcher has seen a change at each of {@code paths} from now on. */
    private void awaitObserved(Collection<Path> paths) throws InterruptedException {
        Set<Path> waitingFor = new HashSet<>(paths);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!waitingFor.isEmpty()) {
            Path next = observed.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(next).as("the watcher saw %s in time (saw %s)", waitingFor, seen).isNotNull();
            seen.add(next);
            waitingFor.remove(next);
        }
    }

    private static final class TestClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }
    }
}
