package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.hearth.assistant.llama.LlamaModel;

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

    /** Like {@link #withProgress}, with {@code model} loaded first (its loading counts as cancellable too). */
    static <R> R withModel(PrintWriter err, Path model, ModelBody<R> body) throws Exception {
        return withProgress(err, (progress, cancelled) -> {
            try (LlamaModel loaded = ModelFiles.load(model, err, cancelled)) {
                return body.run(loaded, progress, cancelled);
            }
        });
    }

    @FunctionalInterface
    interface ModelBody<R> {
        R run(LlamaModel model, Consumer<String> progress, Cancellation cancelled) throws Exception;
    }

    @FunctionalInterface
    interface Body<R> {
        R run(Consumer<String> progress, Cancellation cancelled) throws Exception;
    }
}
