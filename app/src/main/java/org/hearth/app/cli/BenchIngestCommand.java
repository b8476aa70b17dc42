package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Pages and megabytes per second of reading the PDF and DOCX files in FOLDER the way the app reads them "
                + "(isolated worker processes, one per core, warmed up first).")
final class BenchIngestCommand extends BenchRun<IngestBenchmark.Result> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "A folder with PDF and DOCX files.")
    Path folder;

    @Option(names = "--workers", paramLabel = "N", description = "Worker processes (default: all cores).")
    Integer workers;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed passes over the folder first (default: ${DEFAULT-VALUE}).")
    int warmUpPasses;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    IngestBenchmark.Result measure(Consumer<String> progress, Cancellation cancelled) throws Exception {
        List<Path> files = IngestBenchmark.documents(folder);
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no PDF or DOCX files in " + folder);
        }
        return IngestBenchmark.run(files, new IngestBenchmark.Settings(workerCount(), warmUpPasses, repetitions), progress, cancelled);
    }

    @Override
    void report(IngestBenchmark.Result result, ObjectNode node) {
        node.put("folder", folder.toString());
        node.put("files", result.corpus().files().size());
        node.put("pages", result.corpus().pages());
        node.put("bytes", result.corpus().bytes());
        node.put("text_characters", result.corpus().textCharacters());
        node.put("workers", workerCount());
        node.put("warmup_passes", warmUpPasses);
        node.put("repetitions", repetitions);
        node.put("pages_per_second", result.pagesPerSecond().mean());
        node.put("pages_per_second_stddev", result.pagesPerSecond().stddev());
        node.put("megabytes_per_second", result.megabytesPerSecond().mean());
        node.put("megabytes_per_second_stddev", result.megabytesPerSecond().stddev());
        node.put("seconds_per_pass", result.seconds().mean());
    }

    @Override
    void print(IngestBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "corpus   %s in %s%n", IngestBenchmark.describe(result.corpus()), folder);
        out.printf(Locale.ROOT, "machine  %s, %d workers, %d timed passes after %d warm-up passes%n", machine, workerCount(), repetitions, warmUpPasses);
        out.printf(Locale.ROOT, "pages/s  %8.1f ± %.1f%n", result.pagesPerSecond().mean(), result.pagesPerSecond().stddev());
        out.printf(Locale.ROOT, "MB/s     %8.2f ± %.2f%n", result.megabytesPerSecond().mean(), result.megabytesPerSecond().stddev());
    }

    private int workerCount() {
        return threadsOrAllCores(workers);
    }
}
