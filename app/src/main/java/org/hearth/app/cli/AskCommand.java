package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.search.AnswerRouting;
import org.hearth.app.search.CitedAnswers;
import org.hearth.app.search.SearchSetup;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.task.answer.AnswerListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question from the indexed files with the local model, citing the passages.",
                "Every citation's quote is checked word for word against the passage; unverified ones are marked."})
final class AskCommand extends HearthSubcommand {

    @Option(names = "--target", paramLabel = "NAME",
            description = "Answer on a saved server (`hearth targets`), anonymised; without --yes only shows what would be sent.")
    String target;

    @Option(names = "--yes", description = "Send to --target: you have seen the preview.")
    boolean yes;

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
             RoutingStore store = new RoutingStore(LocalState.open(paths.database()));
             Cancellation cancelled = new Cancellation()) {
            AnswerRouting routing = new AnswerRouting(JobRouting.onThisSystem(JobClass.ANSWER, store, paths, Optional.ofNullable(target)));
            if (yes && !routing.mayLeave()) {
                throw new IllegalArgumentException("--yes confirms sending to a server, but no server is named with --target "
                        + "or allowed for answers (`hearth policy set answer NAME`)");
            }
            CitedAnswers answers = new CitedAnswers(setup.index());
            CitedAnswers.Retrieval retrieval = answers.retrieve(question, Optional.ofNullable(collection));
            Outgoing outgoing = routing.mayLeave() && retrieval.relevant() ? routing.outgoing(question, retrieval) : null;
            if (outgoing != null && outgoing.route().leavesTheMachine() && !yes && !routing.withoutAsking()) {
                return preview(outgoing, out, err);
            }
            CitedAnswers.EngineSource local = c -> {
                loaded[0] = models.load(err, c);
                return new LocalEngine(loaded[0], models.context());
            };
            AnswerListener listener = json ? AnswerListener.none() : new AnswerListener() {
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
            };
            if (outgoing != null && outgoing.route().leavesTheMachine()) {
                err.println("hearth: " + outgoing.route().describe());
                Engine remote = routing.engine(outgoing, consent(yes));
                try (NetworkGate.Permit permit = routing.permit(outgoing.route().target().orElseThrow())) {
                    result = answers.answer(question, retrieval, c -> remote, listener, cancelled);
                }
            } else {
                result = answers.answer(question, retrieval, local, listener, cancelled);
            }
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

    /** What `--target` without `--yes` prints: where the question would go and exactly what would leave. Nothing is sent. */
    private int preview(Outgoing outgoing, PrintWriter out, PrintWriter err) throws Exception {
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode().put("sent", false).put("route", outgoing.route().describe());
            AnonymizeCommand.describe(root, outgoing.shown());
            root.remove("restored");
            out.println(new ObjectMapper().writeValueAsString(root));
        } else {
            out.println("== " + outgoing.route().describe() + " ==");
            out.println(outgoing.shown().outgoing());
            err.println("hearth: nothing was sent; run again with --yes to send it as shown");
        }
        return 0;
    }
}
