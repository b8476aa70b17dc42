package org.hearth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.task.Completion;
import org.hearth.assistant.task.StructuredOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text with a local model. With --schema the output is exactly one JSON document that validates.")
final class GenerateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT")
    String prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message.")
    String system;

    @Option(names = "--schema", paramLabel = "FILE.json", description = "A JSON schema the answer must follow.")
    Path schema;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "512")
    int maxTokens;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42")
    int seed;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Print one JSON document with the text and statistics.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = HearthCli.paths(parent.home);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxTokens < 1) {
            throw new IllegalArgumentException("--max-tokens must be at least 1");
        }
        StructuredOutput structured = schema == null ? null : StructuredOutput.fromSchema(JSON.readTree(Files.readString(schema)));
        SamplingOptions sampling = SamplingOptions.defaults().withSeed(seed);
        if (structured != null) {
            sampling = sampling.withGrammar(structured.grammar());
        }
        ModelSetup models = modelOptions.setup(paths);
        ContextOptions context = models.context();
        // Streaming text to the terminal only makes sense for free text; JSON is printed once it validated.
        boolean stream = !json && structured == null;
        try (Cancellation cancelled = new Cancellation();
             LlamaModel loaded = models.load(err, cancelled)) {
            Generator.TextListener listener = stream ? piece -> { out.print(piece); out.flush(); } : Generator.TextListener.ignore();
            GenerationResult result = Completion.run(loaded, system, prompt, maxTokens, sampling, context, listener, cancelled);
            if (result.stopReason() == StopReason.CANCELLED) {
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

    private static ObjectNode report(GenerationResult result, JsonNode document) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", result.text());
        if (document != null) {
            node.set("json", document);
        }
        node.put("stop", result.stopReason().name().toLowerCase(java.util.Locale.ROOT));
        node.put("prompt_tokens", result.promptTokens());
        node.put("generated_tokens", result.tokens().length);
        node.put("prompt_tokens_per_second", result.promptTokensPerSecond());
        node.put("generated_tokens_per_second", result.generatedTokensPerSecond());
        return node;
    }
}
