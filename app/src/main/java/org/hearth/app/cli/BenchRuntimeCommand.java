package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.app.bench.MachineDescription;
import org.hearth.app.bench.RuntimeBenchmark;
import org.hearth.assistant.llama.LlamaRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = "Prompt-processing (pp) and generation (tg) tokens per second of a model.")
final class BenchRuntimeCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file to measure.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "512", description = "Prompt length for pp (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--gen-tokens", paramLabel = "N", defaultValue = "128", description = "Tokens generated for tg (default: ${DEFAULT-VALUE}).")
    int generatedTokens;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HearthCli.paths(parent.parent.home);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = BenchRun.threadsOrAllCores(threads);
        RuntimeBenchmark.Settings settings = new RuntimeBenchmark.Settings(promptTokens, generatedTokens, threadCount, repetitions);
        RuntimeBenchmark.Result result = BenchRun.withModel(err, model,
                (loaded, progress, cancelled) -> RuntimeBenchmark.run(loaded, settings, progress, cancelled));
        String machine = MachineDescription.current();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("model", model.getFileName().toString());
            node.put("model_description", result.model().description());
            node.put("parameters", result.model().parameterCount());
            node.put("threads", threadCount);
            node.put("prompt_tokens", promptTokens);
            node.put("generated_tokens", generatedTokens);
            node.put("repetitions", repetitions);
            node.put("pp_tokens_per_second", result.promptTokensPerSecond().mean());
            node.put("pp_stddev", result.promptTokensPerSecond().stddev());
            node.put("tg_tokens_per_second", result.generatedTokensPerSecond().mean());
            node.put("tg_stddev", result.generatedTokensPerSecond().stddev());
            node.put("llama_cpp", LlamaRuntime.get().version());
            node.put("machine", machine);
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf(Locale.ROOT, "model    %s (%s, %,d parameters)%n", model.getFileName(), result.model().description(), result.model().parameterCount());
            out.printf(Locale.ROOT, "machine  %s, %d threads, llama.cpp %s%n", machine, threadCount, LlamaRuntime.get().version());
            out.printf(Locale.ROOT, "pp%-5d  %8.2f ± %.2f tokens/s%n", promptTokens, result.promptTokensPerSecond().mean(), result.promptTokensPerSecond().stddev());
            out.printf(Locale.ROOT, "tg%-5d  %8.2f ± %.2f tokens/s%n", generatedTokens, result.generatedTokensPerSecond().mean(), result.generatedTokensPerSecond().stddev());
        }
        return 0;
    }
}
