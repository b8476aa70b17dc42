package org.hearth.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Starts the window the way a user does, each time with a new data folder (so it opens on the first-run panel, no
 * model loaded), and collects what the window reports about its start: the time from starting its command to its
 * first frame, and its resident memory after it was left idle.
 */
public final class StartupBenchmark {

    /** Set by the benchmark for the window it starts; the app's StartupReport reads them. */
    public static final String REPORT_ENV = "HEARTH_STARTUP_REPORT";
    public static final String IDLE_ENV = "HEARTH_STARTUP_IDLE_SECONDS";
    /** Ten minutes: longer than any idle figure is worth waiting for. */
    public static final int MAX_IDLE_SECONDS = 600;
    private static final long START_TIMEOUT_SECONDS = 120;

    public record Run(long firstFrameMillis, OptionalLong idleRssBytes) {
    }

    /** Figures in milliseconds or bytes over the timed runs. */
    public record Spread(long min, long median, long max) {

        static Spread of(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return new Spread(sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast());
        }
    }

    public record Result(List<String> command, List<Run> runs, int idleSeconds) {

        public Spread firstFrame() {
            return spread(Run::firstFrameMillis);
        }

        /** Empty where the system does not tell a process's resident memory. */
        public Optional<Spread> idleRss() {
            return runs.stream().allMatch(run -> run.idleRssBytes().isPresent())
                    ? Optional.of(spread(run -> run.idleRssBytes().getAsLong())) : Optional.empty();
        }

        private Spread spread(ToLongFunction<Run> figure) {
            return Spread.of(runs.stream().map(figure::applyAsLong).toList());
        }
    }

    private StartupBenchmark() {
    }

    /**
     * @param warmup untimed starts first: the first start after a build reads every file from disk
     * @param scratch an empty folder for the data folders and reports of the runs
     */
    public static Result run(List<String> command, int warmup, int repetitions, int idleSeconds, Path scratch,
                             Consumer<String> progress, BooleanSupplier cancelled) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= warmup + repetitions; i++) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled");
            }
            boolean timed = i > warmup;
            progress.accept(timed ? "start " + (i - warmup) + " of " + repetitions : "warm-up start " + i + " of " + warmup);
            Run run = startOnce(command, idleSeconds, Files.createDirectory(scratch.resolve("run-" + i)), cancelled);
            if (timed) {
                runs.add(run);
            }
        }
        return new Result(List.copyOf(command), List.copyOf(runs), idleSeconds);
    }

    private static Run startOnce(List<String> command, int idleSeconds, Path dir, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        Path report = dir.resolve("report.json");
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HEARTH_HOME", dir.resolve("home").toString());
        builder.environment().put(REPORT_ENV, report.toString());
        builder.environment().put(IDLE_ENV, Integer.toString(idleSeconds));
        Instant started = Instant.now();
        Process window = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(idleSeconds + START_TIMEOUT_SECONDS);
            while (!window.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("cancelled");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the window did not report its start within " + (idleSeconds + START_TIMEOUT_SECONDS)
                            + " s; its output: " + tail(output));
                }
            }
        } finally {
            window.destroy();
        }
        if (!Files.exists(report)) {
            throw new IOException("the window ended (exit code " + window.exitValue() + ") without reporting its start; its output: "
                    + tail(output));
        }
        JsonNode figures = new ObjectMapper().readTree(report.toFile());
        JsonNode rss = figures.path("idle_rss_bytes");
        long firstFrame = figures.path("first_frame_epoch_ms").asLong() - started.toEpochMilli();
        return new Run(firstFrame, rss.isNumber() ? OptionalLong.of(rss.asLong()) : OptionalLong.empty());
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
