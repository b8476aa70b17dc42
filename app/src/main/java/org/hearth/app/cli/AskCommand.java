package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.search.CitedAnswers;
import org.hearth.app.search.SearchSetup;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.answer.AnswerListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question from the indexed files with the local model, citing the passages.",
                "Every citation's quote is checked word for word against the passage; unverified ones are marked."})
final class AskCommand extends HearthSubcommand {

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--collection", paramLabel = "NAME", description = "Only this collection (default: all).")
    String collection;

    @Option(names = "--embedding-model", paramLabel = "FILE", description = "Embedding GGUF (default: the installed one, if any).")
    Path embeddingModel;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter out = out();
        PrintWriter err = err();
        ModelSetup models = modelOptions.setup(paths);
        LlamaModel[] loaded = new LlamaModel[1];
        CitedAnswers.Result result;
        try (SearchSetup setup = SearchSetup.open(paths, Optional.ofNullable(embeddingModel), models.threads());
             Cancellation cancelled = new Cancellation()) {
            result = new CitedAnswers(setup.index()).ask(question, Optional.ofNullable(collection), c -> {
                loaded[0] = models.load(err, c);
                return loaded[0];
            }, models.context(), json ? AnswerListener.none() : new AnswerListener() {
                @Override
                public void text(String piece) {
                    out.print(piece);
                    out.flush();
                }

                @Override
                public void textDiscarded() {
                    out.println();
                    err.println("hearth: the answer was cut off; writing a shorter one");
                }
            }, cancelled);
        } finally {
            if (loaded[0] != null) {
                loaded[0].close();
            }
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("answer", result.text());
            ArrayNode citations = root.putArray("citations");
            for (CitedAnswers.CheckedCitation citation : result.citations()) {
                ObjectNode entry = citations.addObject();
                entry.put("n", citation.n());
                entry.put("file", citation.chunk().file().toString());
                SearchCommand.location(entry, citation.chunk());
                entry.put("quote", citation.quote());
                entry.put("verified", citation.verified());
            }
            root.put("refused", result.refused());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println();
            for (CitedAnswers.CheckedCitation citation : result.citations()) {
                out.println("[" + citation.n() + "] " + CitedAnswers.label(citation.chunk(), result.language()) + " — \""
                        + citation.quote() + "\"" + (citation.verified() ? "" : "  (NOT VERIFIED: not found in the passage)"));
            }
        }
        return 0;
    }
}
