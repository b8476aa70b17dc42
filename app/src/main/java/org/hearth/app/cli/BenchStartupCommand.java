package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.ScratchFolder;
import org.hearth.app.bench.StartupBenchmark;
import org.hearth.app.bench.StartupBenchmark.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Time from starting the window to its first frame, and the memory of the idle window without a model.",
                "COMMAND starts the window, e.g. ./hearth or /opt/hearth/bin/hearth; each start gets a new data folder, "
                        + "so the window opens on its first-run panel. On Linux it needs a display (e.g. xvfb-run)."})
final class BenchStartupCommand extends BenchRun<StartupBenchmark.Result> {

    @Option(names = "--repetitions", defaultValue = "5", description = "Timed starts (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed starts before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--idle-seconds", defaultValue = "10",
            description = "How long each window is left alone before its memory is read (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command that opens the window, with its arguments.")
    List<String> command;

    @Override
    StartupBenchmark.Result measure(Consumer<String> progress, Cancellation cancelled) throws Exception {
        try (ScratchFolder scratch = ScratchFolder.create("hearth-bench-startup")) {
            return StartupBenchmark.run(command, warmup, repetitions, idleSeconds, scratch.path(), progress, cancelled);
        }
    }

    @Override
    void report(StartupBenchmark.Result result, ObjectNode node) {
        node.putPOJO("command", result.command());
        node.put("runs", result.runs().size());
        node.put("idle_seconds", result.idleSeconds());
        put(node.putObject("first_frame_ms"), result.firstFrame());
        result.idleRss().ifPresent(rss -> put(node.putObject("idle_rss_bytes"), rss));
        node.putPOJO("first_frame_ms_each", result.runs().stream().map(StartupBenchmark.Run::firstFrameMillis).toList());
    }

    private static void put(ObjectNode node, Spread spread) {
        node.put("min", spread.min()).put("median", spread.median()).put("max", spread.max());
    }

    @Override
    void print(StartupBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "machine      %s%n", machine);
        out.printf(Locale.ROOT, "command      %s%n", String.join(" ", result.command()));
        Spread frame = result.firstFrame();
        out.printf(Locale.ROOT, "first frame  median %d ms (min %d, max %d) over %d starts%n",
                frame.median(), frame.min(), frame.max(), result.runs().size());
        result.idleRss().ifPresentOrElse(rss -> out.printf(Locale.ROOT,
                        "idle memory  median %d MB resident (min %d, max %d) after %d s%n",
                        rss.median() >> 20, rss.min() >> 20, rss.max() >> 20, result.idleSeconds()),
                () -> out.println("idle memory  not told by this system"));
    }
}
