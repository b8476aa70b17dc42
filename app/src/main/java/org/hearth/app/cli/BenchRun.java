package org.hearth.app.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** What every bench command does around its benchmark: the thread default, a progress line and Ctrl-C. */
final class BenchRun {

    private BenchRun() {
    }

    static int threadsOrAllCores(Integer threads) {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body} with a "Benchmark: …" progress line on a terminal and Ctrl-C wired to cancel it. */
    static <R> R withProgress(PrintWriter err, Body<R> body) throws Exception {
        ProgressLine progress = new ProgressLine(err);
        try (Cancellation cancelled = new Cancellation()) {
            return body.run(step -> progress.show("Benchmark: " + step), cancelled);
        } finally {
            progress.done();
        }
    }

    @FunctionalInterface
    interface Body<R> {
        R run(Consumer<String> progress, Cancellation cancelled) throws Exception;
    }
}
