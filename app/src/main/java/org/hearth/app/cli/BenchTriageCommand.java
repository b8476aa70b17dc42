package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.app.bench.MachineDescription;
import org.hearth.app.bench.TriageBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Mails per minute of mail triage: naive (full prompt per mail) vs prefix reuse and batching.")
final class BenchTriageCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file to measure.")
    Path model;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "8", description = "Generated mails per mode (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--sequences", paramLabel = "N", defaultValue = "4", description = "Parallel sequences in the reuse mode.")
    int sequences;

    @Option(names = "--answer-tokens", paramLabel = "N", defaultValue = "48",
            description = "Tokens generated per mail in both modes.")
    int answerTokens;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HearthCli.paths(parent.parent.home);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = BenchRun.threadsOrAllCores(threads);
        TriageBenchmark.Settings settings = new TriageBenchmark.Settings(messages, threadCount, sequences, answerTokens);
        TriageBenchmark.Result result = BenchRun.withModel(err, model,
                (loaded, progress, cancelled) -> TriageBenchmark.run(loaded, settings, progress, cancelled));
        String machine = MachineDescription.current();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("model", model.getFileName().toString());
            node.put("messages", messages);
            node.put("threads", threadCount);
            node.put("sequences", sequences);
            node.put("answer_tokens", answerTokens);
            put(node.putObject("naive"), result.naive());
            put(node.putObject("reuse_batched"), result.reuse());
            node.put("ratio", result.ratio());
            node.put("machine", machine);
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf(Locale.ROOT, "model    %s, %d mails, %d threads, %d sequences, %d answer tokens each%n",
                    model.getFileName(), messages, threadCount, sequences, answerTokens);
            out.printf(Locale.ROOT, "machine  %s%n", machine);
            print(out, "naive", result.naive());
            print(out, "reuse+batching", result.reuse());
            out.printf(Locale.ROOT, "ratio    %.2fx%n", result.ratio());
        }
        return 0;
    }

    private static void put(ObjectNode node, TriageBenchmark.Mode mode) {
        node.put("mails", mode.mails());
        node.put("seconds", mode.seconds());
        node.put("mails_per_minute", mode.mailsPerMinute());
        node.put("prompt_tokens", mode.promptTokens());
        node.put("generated_tokens", mode.generatedTokens());
    }

    private static void print(PrintWriter out, String name, TriageBenchmark.Mode mode) {
        out.printf(Locale.ROOT, "%-15s %6.2f mails/min (%d mails in %.1f s; %d prompt tokens, %d generated)%n",
                name, mode.mailsPerMinute(), mode.mails(), mode.seconds(), mode.promptTokens(), mode.generatedTokens());
    }
}
