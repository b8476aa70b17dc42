package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.hearth.assistant.llama.LlamaModel;
import picocli.CommandLine.Option;

/** A bench command that measures one model file: it is loaded first (cancellable too) and closed afterwards. */
abstract class ModelBenchRun<R> extends BenchRun<R> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file to measure.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    abstract R measure(LlamaModel loaded, int threads, Consumer<String> progress, Cancellation cancelled) throws Exception;

    @Override
    final R measure(Consumer<String> progress, Cancellation cancelled) throws Exception {
        try (LlamaModel loaded = ModelSetup.load(model, spec.commandLine().getErr(), cancelled)) {
            return measure(loaded, threads(), progress, cancelled);
        }
    }

    int threads() {
        return threadsOrAllCores(threads);
    }
}
