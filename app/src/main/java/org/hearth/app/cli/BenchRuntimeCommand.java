package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.RuntimeBenchmark;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = "Prompt-processing (pp) and generation (tg) tokens per second of a model.")
final class BenchRuntimeCommand extends ModelBenchRun<RuntimeBenchmark.Result> {

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "512", description = "Prompt length for pp (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--gen-tokens", paramLabel = "N", defaultValue = "128", description = "Tokens generated for tg (default: ${DEFAULT-VALUE}).")
    int generatedTokens;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    RuntimeBenchmark.Result measure(LlamaModel loaded, int threads, Consumer<String> progress, Cancellation cancelled) {
        return RuntimeBenchmark.run(loaded, new RuntimeBenchmark.Settings(promptTokens, generatedTokens, threads, repetitions),
                progress, cancelled);
    }

    @Override
    void report(RuntimeBenchmark.Result result, ObjectNode node) {
        node.put("model", model.getFileName().toString());
        node.put("model_description", result.model().description());
        node.put("parameters", result.model().parameterCount());
        node.put("threads", threads());
        node.put("prompt_tokens", promptTokens);
        node.put("generated_tokens", generatedTokens);
        node.put("repetitions", repetitions);
        node.put("pp_tokens_per_second", result.promptTokensPerSecond().mean());
        node.put("pp_stddev", result.promptTokensPerSecond().stddev());
        node.put("tg_tokens_per_second", result.generatedTokensPerSecond().mean());
        node.put("tg_stddev", result.generatedTokensPerSecond().stddev());
        node.put("llama_cpp", LlamaRuntime.get().version());
    }

    @Override
    void print(RuntimeBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "model    %s (%s, %,d parameters)%n", model.getFileName(), result.model().description(), result.model().parameterCount());
        out.printf(Locale.ROOT, "machine  %s, %d threads, llama.cpp %s%n", machine, threads(), LlamaRuntime.get().version());
        out.printf(Locale.ROOT, "pp%-5d  %8.2f ± %.2f tokens/s%n", promptTokens, result.promptTokensPerSecond().mean(), result.promptTokensPerSecond().stddev());
        out.printf(Locale.ROOT, "tg%-5d  %8.2f ± %.2f tokens/s%n", generatedTokens, result.generatedTokensPerSecond().mean(), result.generatedTokensPerSecond().stddev());
    }
}
