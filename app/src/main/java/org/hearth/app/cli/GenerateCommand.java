package org.hearth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.app.HearthPaths;
import java.util.Optional;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.StructuredOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text with a local model. With --schema the output is exactly one JSON document that validates.")
final class GenerateCommand extends HearthSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "The user message.")
    String prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message.")
    String system;

    @Option(names = "--schema", paramLabel = "FILE.json", description = "A JSON schema the answer must follow.")
    Path schema;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "512", description = "Stop after this many tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Sampling seed, for repeatable output (default: ${DEFAULT-VALUE}).")
    int seed;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter out = out();
        PrintWriter err = err();
        if (maxTokens < 1) {
            throw new IllegalArgumentException("--max-tokens must be at least 1");
        }
        StructuredOutput structured = schema == null ? null : StructuredOutput.fromSchema(JSON.readTree(Files.readString(schema)));
        EngineRequest request = new EngineRequest(prompt, Optional.ofNullable(structured).map(StructuredOutput::schema),
                Sampling.defaults().withSeed(seed), maxTokens);
        ModelSetup models = modelOptions.setup(paths);
        // Streaming text to the terminal only makes sense for free text; JSON is printed once it validated.
        boolean stream = !json && structured == null;
        try (Cancellation cancelled = new Cancellation();
             LlamaModel loaded = models.load(err, cancelled)) {
            TextListener listener = stream ? piece -> { out.print(piece); out.flush(); } : TextListener.ignore();
            Completion result = new LocalEngine(loaded, models.context()).complete(system, request, listener, cancelled);
            if (result.cancelled()) {
                err.println("hearth: cancelled");
                return 130;
            }
            JsonNode document = structured == null ? null : structured.parseAndValidate(result);
            if (json) {
                out.println(JSON.writeValueAsString(report(result, document)));
            } else if (document != null) {
                out.println(JSON.writeValueAsString(document));
            } else {
                out.println();
            }
            return 0;
        }
    }

    private static ObjectNode report(Completion result, JsonNode document) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", result.text());
        if (document != null) {
            node.set("json", document);
        }
        node.put("stop", stop(result.finishReason()));
        node.put("prompt_tokens", result.usage().promptTokensDecoded());
        node.put("generated_tokens", result.usage().generatedTokens());
        node.put("prompt_tokens_per_second", result.usage().promptTokensPerSecond());
        node.put("generated_tokens_per_second", result.usage().generatedTokensPerSecond());
        return node;
    }

    // the names this report has always used, so scripts reading it keep working
    private static String stop(FinishReason reason) {
        return switch (reason) {
            case END -> "end_of_generation";
            case MAX_TOKENS -> "max_tokens";
            case CONTEXT_FULL -> "context_full";
            case CANCELLED -> "cancelled";
        };
    }
}
