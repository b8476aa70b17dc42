package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.DraftBenchmark;
import org.hearth.assistant.llama.LlamaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Time to fill a generated template from a generated source, and the share of decodes per field.")
final class BenchDraftCommand extends ModelBenchRun<DraftBenchmark.Result> {

    @Option(names = "--fields", paramLabel = "N", defaultValue = "15", description = "Fields in the template (default: ${DEFAULT-VALUE}).")
    int fields;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "20", description = "Pages of the source (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--sequences", paramLabel = "N", defaultValue = "1", description = "Fields run at once (default: ${DEFAULT-VALUE}).")
    int sequences;

    @Option(names = "--context", paramLabel = "TOKENS", defaultValue = "4096", description = "Context per field request (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--answer-tokens", paramLabel = "N", defaultValue = "32", description = "Tokens generated per field (default: ${DEFAULT-VALUE}).")
    int answerTokens;

    @Override
    DraftBenchmark.Result measure(LlamaModel loaded, int threads, Consumer<String> progress, Cancellation cancelled) throws Exception {
        return DraftBenchmark.run(loaded, new DraftBenchmark.Settings(fields, pages, threads, sequences, context, answerTokens),
                progress, cancelled);
    }

    @Override
    void report(DraftBenchmark.Result result, ObjectNode node) {
        node.put("model", model.getFileName().toString());
        node.put("fields", fields);
        node.put("pages", pages);
        node.put("threads", threads());
        node.put("sequences", sequences);
        node.put("context", context);
        node.put("answer_tokens", answerTokens);
        node.put("seconds", result.seconds());
        node.put("decoded_tokens", result.decoded());
        node.put("shared_decoded_tokens", result.sharedDecoded());
        ArrayNode perField = node.putArray("per_field");
        for (DraftBenchmark.FieldCost field : result.fields()) {
            perField.addObject().put("name", field.name()).put("status", field.status())
                    .put("prompt_tokens_decoded", field.promptTokensDecoded()).put("generated_tokens", field.generatedTokens())
                    .put("share", share(field.decoded(), result.decoded()));
        }
    }

    @Override
    void print(DraftBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "model    %s, %d fields, %d pages, %d threads, %d sequences of %d tokens, %d answer tokens%n",
                model.getFileName(), fields, pages, threads(), sequences, context, answerTokens);
        out.printf(Locale.ROOT, "machine  %s%n", machine);
        out.printf(Locale.ROOT, "time     %.1f s (%d tokens decoded; instructions once: %.1f%%)%n", result.seconds(), result.decoded(),
                100 * share(result.sharedDecoded(), result.decoded()));
        for (DraftBenchmark.FieldCost field : result.fields()) {
            out.printf(Locale.ROOT, "  %-24s %5.1f%%  (%d prompt + %d generated, %s)%n", field.name(),
                    100 * share(field.decoded(), result.decoded()), field.promptTokensDecoded(), field.generatedTokens(), field.status());
        }
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
