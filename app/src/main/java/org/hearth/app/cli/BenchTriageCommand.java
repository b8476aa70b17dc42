package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.TriageBenchmark;
import org.hearth.assistant.llama.LlamaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Mails per minute of mail triage: naive (full prompt per mail) vs prefix reuse and batching.")
final class BenchTriageCommand extends ModelBenchRun<TriageBenchmark.Result> {

    @Option(names = "--messages", paramLabel = "N", defaultValue = "8", description = "Generated mails per mode (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--sequences", paramLabel = "N", defaultValue = "4", description = "Parallel sequences in the reuse mode.")
    int sequences;

    @Option(names = "--answer-tokens", paramLabel = "N", defaultValue = "48",
            description = "Tokens generated per mail in both modes.")
    int answerTokens;

    @Override
    TriageBenchmark.Result measure(LlamaModel loaded, int threads, Consumer<String> progress, Cancellation cancelled) {
        return TriageBenchmark.run(loaded, new TriageBenchmark.Settings(messages, threads, sequences, answerTokens), progress, cancelled);
    }

    @Override
    void report(TriageBenchmark.Result result, ObjectNode node) {
        node.put("model", model.getFileName().toString());
        node.put("messages", messages);
        node.put("threads", threads());
        node.put("sequences", sequences);
        node.put("answer_tokens", answerTokens);
        put(node.putObject("naive"), result.naive());
        put(node.putObject("reuse_batched"), result.reuse());
        node.put("ratio", result.ratio());
    }

    @Override
    void print(TriageBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "model    %s, %d mails, %d threads, %d sequences, %d answer tokens each%n",
                model.getFileName(), messages, threads(), sequences, answerTokens);
        out.printf(Locale.ROOT, "machine  %s%n", machine);
        print(out, "naive", result.naive());
        print(out, "reuse+batching", result.reuse());
        out.printf(Locale.ROOT, "ratio    %.2fx%n", result.ratio());
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
