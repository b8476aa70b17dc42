package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.hearth.app.HearthPaths;
import org.hearth.app.documents.SummarizeDocument;
import org.hearth.app.privacy.AnonymiseDocument;
import org.hearth.app.documents.SummaryStyles;
import org.hearth.app.estimate.ModelSpeeds;
import org.hearth.app.estimate.SummaryEstimate;
import org.hearth.app.state.LocalState;
import org.hearth.app.export.SummaryExporter;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarise PDF, DOCX, text and e-mail files with the local model, citing pages or paragraphs.")
final class SummarizeCommand extends HearthSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PDF, DOCX, TXT, MD or EML files.")
    List<Path> files;

    @Option(names = "--style", defaultValue = "brief", paramLabel = "STYLE",
            description = "brief, detailed, key-points, deadlines or parties (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--lang", paramLabel = "de|en", description = "Summary language (default: the document's).")
    String language;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password of encrypted files from this environment variable.")
    String passwordEnv;

    @Option(names = "--ask-password", interactive = true, arity = "0", description = "Ask for the password of encrypted files.")
    char[] askedPassword;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the summaries to a .md or .docx file.")
    Path out;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Send these files to a saved server (`hearth targets`), anonymised; without --yes only shows what would be sent.")
    String target;

    @Option(names = "--yes", description = "Send to --target: you have seen the preview.")
    boolean yes;

    @Option(names = "--max-pages", paramLabel = "N", description = "Summarise only the first N pages (paragraphs of a DOCX or text file).")
    Integer maxPages;

    @Option(names = "--max-minutes", paramLabel = "M",
            description = "Do not start a summary estimated to take longer than M minutes on this machine; say what would fit instead.")
    Integer maxMinutes;

    @Mixin
    ModelOptions modelOptions;

    /** Never a command-line argument: those show in every user's process list. */
    private Optional<String> documentPassword() {
        if (askedPassword != null) {
            return Optional.of(new String(askedPassword));
        }
        return Optional.ofNullable(passwordEnv).map(variable -> new String(PasswordSources.fromEnvironment(variable)));
    }

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter stdout = out();
        PrintWriter err = err();
        try (RoutedSummaries routing = new RoutedSummaries(paths, Optional.ofNullable(target))) {
            if (yes && !routing.mayLeave()) {
                throw new IllegalArgumentException("--yes confirms sending to a server, but no server is named with --target "
                        + "or allowed for summaries (`hearth policy set summary NAME`)");
            }
            if (routing.mayLeave() && !yes && !routing.withoutAsking()) {
                return preview(routing, stdout, err);
            }
            return summarize(paths, stdout, err, routing.mayLeave() ? routing : null);
        }
    }

    private int summarize(HearthPaths paths, PrintWriter stdout, PrintWriter err, RoutedSummaries routed) throws Exception {
        SummaryStyle summaryStyle = SummaryStyles.fromCli(style);
        var outputLanguage = SummaryStyles.language(Optional.ofNullable(language));
        ModelSetup models = modelOptions.setup(paths);
        ProgressLine progress = new ProgressLine(err);
        ArrayNode results = JSON.createArrayNode();
        List<String> markdown = new ArrayList<>();
        List<Language> languages = new ArrayList<>();
        int succeeded = 0;
        LoadedOnce model = new LoadedOnce(models, err);
        SummarizeDocument.Options options = new SummarizeDocument.Options(summaryStyle, outputLanguage, documentPassword())
                .limitedTo(maxPages == null ? OptionalInt.empty() : OptionalInt.of(maxPages),
                        Optional.ofNullable(maxMinutes).map(Duration::ofMinutes));
        try (Cancellation cancelled = new Cancellation();
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
             ModelSpeeds speeds = new ModelSpeeds(LocalState.open(paths.database()))) {
            SummarizeDocument summarizeDocument = new SummarizeDocument(reader, speeds);
            for (Path file : files) {
                String name = file.getFileName().toString();
                ObjectNode entry = results.addObject();
                entry.put("file", file.toString());
                boolean stream = !json;
                SummarizeDocument.Listener listener = new SummarizeDocument.Listener() {
                    @Override
                    public void reading(int pagesDone, int pagesTotal) {
                        progress.show(String.format(Locale.ROOT, "Reading %s: page %d of %d", name, pagesDone, pagesTotal));
                    }

                    @Override
                    public void summarising(DocumentText document) {
                        if (stream) {
                            progress.done();
                            stdout.println("== " + name + " ==");
                            document.warning().ifPresent(warning -> err.println("hearth: " + name + ": " + warning));
                        }
                    }

                    private int stepsDone;
                    private int stepsTotal;

                    @Override
                    public void estimated(SummaryEstimate estimate) {
                        if (stream) {
                            err.println("hearth: " + name + ": " + EstimateWords.of(estimate));
                        }
                    }

                    @Override
                    public void summarising(int done, int total) {
                        stepsDone = done;
                        stepsTotal = total;
                    }

                    @Override
                    public void remaining(Duration left) {
                        progress.show(String.format(Locale.ROOT, "Summarising %s: step %d of %d, about %d min left",
                                name, stepsDone, stepsTotal, SummaryEstimate.minutes(left)));
                    }

                    @Override
                    public void text(String piece) {
                        if (stream) {
                            stdout.print(piece);
                            stdout.flush();
                        }
                    }

                    @Override
                    public void textDiscarded() {
                        if (stream) {
                            stdout.println();
                            err.println("hearth: the answer was cut off; writing a shorter one");
                        }
                    }
                };
                SummarizeDocument.EngineSource local =
                        jobCancelled -> new SummarizeDocument.EngineUse(model.engine(cancelled), model.name(), cancelled, () -> { });
                SummarizeDocument.Outcome outcome = routed == null ? summarizeDocument.run(file, options, local, listener, cancelled)
                        : routed.summarise(summarizeDocument, file, options, local, listener, cancelled, consent(yes), err);
                progress.done();
                if (outcome instanceof SummarizeDocument.Done(SummarizeDocument.Result summary)) {
                    if (stream) {
                        stdout.println();
                        stdout.println();
                    }
                    entry.put("status", "ok");
                    entry.put("language", summary.language().code());
                    entry.put("pages", summary.pages());
                    summary.warning().ifPresent(warning -> entry.put("warning", warning));
                    summary.firstPages().ifPresent(first -> {
                        entry.put("firstPages", first);
                        if (stream) {
                            err.println("hearth: " + name + ": only the first " + first + " pages (or paragraphs) were summarised (--max-pages)");
                        }
                    });
                    entry.put("summary", summary.text());
                    entry.set("citations", citations(summary.citations()));
                    markdown.add("# " + name + "\n\n" + summary.text());
                    languages.add(summary.language());
                    succeeded++;
                } else if (outcome instanceof SummarizeDocument.TooLong tooLong) {
                    entry.set("estimate", estimate(tooLong.whole()));
                    fail(entry, tooLongMessage(name, tooLong), err, json);
                } else if (outcome instanceof SummarizeDocument.Failed failed) {
                    if (failed.reason() == SummarizeDocument.Reason.NO_MODEL || failed.reason() == SummarizeDocument.Reason.MODEL_FAILED || failed.reason() == SummarizeDocument.Reason.OTHER) {
                        // not the document's fault: stop as before and let the error handler report it
                        throw failed.cause();
                    }
                    fail(entry, failed.detail(), err, json);
                } else {
                    fail(entry, "cancelled", err, json);
                    break;
                }
            }
        } finally {
            progress.done();
            model.close();
        }
        if (out != null && succeeded > 0) {
            new SummaryExporter().export("Hearth", String.join("\n\n", markdown), SummaryExporter.Format.of(out), out);
        }
        if (json) {
            stdout.println(JSON.writeValueAsString(JSON.createObjectNode().set("files", results)));
        }
        return succeeded > 0 ? 0 : 1;
    }

    /**
     * What `--target` without `--yes` prints: where each file would go and the exact text that would leave, with
     * placeholders. Nothing is sent.
     */
    private int preview(RoutedSummaries routed, PrintWriter stdout, PrintWriter err) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("sent", false);
        ArrayNode entries = root.putArray("files");
        int readable = 0;
        try (Cancellation cancelled = new Cancellation();
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            SummarizeDocument summaries = new SummarizeDocument(reader);
            SummarizeDocument.Options options = new SummarizeDocument.Options(SummaryStyles.fromCli(style),
                    SummaryStyles.language(Optional.ofNullable(language)), documentPassword());
            for (Path file : files) {
                ObjectNode entry = entries.addObject().put("file", file.toString());
                SummarizeDocument.Read read = summaries.read(file, options, new SummarizeDocument.Listener() { }, cancelled);
                if (!(read instanceof SummarizeDocument.ReadDocument document)) {
                    fail(entry, ((SummarizeDocument.ReadFailed) read).outcome() instanceof SummarizeDocument.Failed failed
                            ? failed.detail() : "cancelled", err, json);
                    continue;
                }
                readable++;
                var route = routed.route(document);
                var anonymised = AnonymiseDocument.anonymise(document.document(), Optional.empty()).anonymised();
                entry.put("status", "ok").put("route", route.describe()).put("leaves", route.leavesTheMachine());
                if (route.anonymised()) {
                    AnonymizeCommand.describe(entry, anonymised);
                    entry.remove("restored");
                } else {
                    entry.put("outgoing", anonymised.source());
                }
                if (!json) {
                    stdout.println("== " + file.getFileName() + ": " + route.describe() + " ==");
                    stdout.println(route.anonymised() ? anonymised.outgoing() : anonymised.source());
                    stdout.println();
                }
            }
        }
        if (json) {
            stdout.println(JSON.writeValueAsString(root));
        } else {
            err.println("hearth: nothing was sent; run again with --yes to send it as shown");
        }
        return readable > 0 ? 0 : 1;
    }

    /** Loads the model at the first document that could be read, so unreadable files never wait for it. */
    private static final class LoadedOnce implements AutoCloseable {
        private final ModelSetup models;
        private final PrintWriter err;
        private LlamaModel loaded;

        LoadedOnce(ModelSetup models, PrintWriter err) {
            this.models = models;
            this.err = err;
        }

        String name() {
            return loaded.file().getFileName().toString();
        }

        LocalEngine engine(Cancellation cancelled) {
            if (loaded == null) {
                loaded = models.load(err, cancelled);
            }
            return new LocalEngine(loaded, models.context());
        }

        @Override
        public void close() {
            if (loaded != null) {
                loaded.close();
            }
        }
    }

    private String tooLongMessage(String name, SummarizeDocument.TooLong tooLong) {
        String units = tooLong.unit() == Locator.Unit.PAGE ? "pages" : "paragraphs";
        return String.format(Locale.ROOT, "%s: the summary would take %s, more than --max-minutes %d; nothing was summarised. "
                        + "Summarise the first %d of %d %s instead (about %d min) with --max-pages %d, or allow more time with --max-minutes %d",
                name, EstimateWords.of(tooLong.whole()), maxMinutes, tooLong.shorterUnits(), tooLong.units(), units,
                tooLong.shorter().minutes(), tooLong.shorterUnits(), tooLong.whole().minutes());
    }

    private static ObjectNode estimate(SummaryEstimate estimate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("minutes", estimate.minutes());
        node.put("steps", estimate.plan().steps());
        node.put("promptTokens", estimate.plan().promptTokens());
        node.put("answerTokens", estimate.plan().answerAllowance());
        node.put("rough", estimate.rough());
        return node;
    }

    private static void fail(ObjectNode entry, String message, PrintWriter err, boolean json) {
        entry.put("status", "error");
        entry.put("error", message);
        if (!json) {
            err.println("hearth: " + message);
        }
    }

    /** One entry per cited page or paragraph, in order: {"page":12} or {"paragraph":3}. */
    static ArrayNode citations(List<Locator> locators) {
        TreeSet<Integer> pages = new TreeSet<>();
        TreeSet<Integer> paragraphs = new TreeSet<>();
        for (Locator locator : locators) {
            for (int i = locator.from(); i <= locator.to(); i++) {
                (locator.unit() == Locator.Unit.PAGE ? pages : paragraphs).add(i);
            }
        }
        ArrayNode array = JSON.createArrayNode();
        pages.forEach(p -> array.addObject().put("page", p));
        paragraphs.forEach(p -> array.addObject().put("paragraph", p));
        return array;
    }
}
