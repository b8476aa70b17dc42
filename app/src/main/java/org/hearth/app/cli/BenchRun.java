package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hearth.app.bench.MachineDescription;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every bench command does around its benchmark: a progress line and Ctrl-C while it measures, then the
 * result as text or as one JSON document, both naming the machine it ran on (BENCHMARKS.md records them).
 *
 * @param <R> what the benchmark measured
 */
abstract class BenchRun<R> implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** Runs the benchmark; {@code progress} shows the current step, {@code cancelled} turns true on Ctrl-C. */
    abstract R measure(Consumer<String> progress, Cancellation cancelled) throws Exception;

    /** Adds the result's fields to the JSON report; the machine is added after them. */
    abstract void report(R result, ObjectNode json);

    abstract void print(R result, String machine, PrintWriter out);

    @Override
    public final Integer call() throws Exception {
        HearthCli.paths(parent.parent.home);
        PrintWriter out = spec.commandLine().getOut();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        R result;
        try (Cancellation cancelled = new Cancellation()) {
            result = measure(step -> progress.show("Benchmark: " + step), cancelled);
        } finally {
            progress.done();
        }
        String machine = MachineDescription.current();
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            report(result, node);
            node.put("machine", machine);
            out.println(JSON.writeValueAsString(node));
        } else {
            print(result, machine, out);
        }
        return 0;
    }

    static int threadsOrAllCores(Integer threads) {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
