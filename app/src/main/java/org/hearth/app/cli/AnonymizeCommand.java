package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.hearth.app.privacy.AnonymiseDocument;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.Placeholder;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.route.anonymise.ModelEntityPass;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "anonymize", aliases = "anonymise", mixinStandardHelpOptions = true,
        description = {"Show what a routed job would send for these files: client data replaced by placeholders.",
                "Nothing is sent; the placeholders' values stay on this machine. With --json, `restored` is the outgoing "
                        + "text with the values put back and equals the extracted text."})
final class AnonymizeCommand extends HearthSubcommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PDF, DOCX, TXT, MD or EML files.")
    List<Path> files;

    @Option(names = "--with-model", description = "Also let the local model list the names in each file, for names no rule finds.")
    boolean withModel;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        FileResults results = new FileResults();
        ModelSetup models = modelOptions.setup(paths());
        LlamaModel[] loaded = new LlamaModel[1];
        try (Cancellation cancelled = new Cancellation();
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            AnonymiseDocument anonymise = new AnonymiseDocument(reader);
            Optional<ModelEntityPass> pass = Optional.empty();
            if (withModel) {
                loaded[0] = models.load(err, cancelled);
                pass = Optional.of(new ModelEntityPass(new LocalEngine(loaded[0], models.context())));
            }
            for (Path file : files) {
                ObjectNode entry = results.add(file);
                try {
                    AnonymiseDocument.Result result = anonymise.run(file, Optional.empty(), pass, cancelled);
                    results.ok(entry);
                    describe(entry, result.anonymised());
                    if (!json) {
                        out.println("== " + file.getFileName() + " ==");
                        out.println(result.anonymised().outgoing());
                        out.println();
                    }
                } catch (CancellationException e) {
                    throw e;
                } catch (DocumentException | AnonymisationException | RuntimeException e) {
                    results.failed(entry, CliErrors.describe(e));
                    if (!json) {
                        err.println("hearth: " + file + ": " + CliErrors.describe(e));
                    }
                }
            }
        } finally {
            if (loaded[0] != null) {
                loaded[0].close();
            }
        }
        if (json) {
            out.println(results.json());
        }
        return results.exitCode();
    }

    /** outgoing, restored and the placeholders with how often each stands in the text. */
    static void describe(ObjectNode entry, Anonymised anonymised) {
        entry.put("outgoing", anonymised.outgoing());
        entry.put("restored", anonymised.source());
        ArrayNode entities = entry.putArray("entities");
        occurrences(anonymised).forEach((placeholder, count) -> entities.addObject()
                .put("type", placeholder.type().name()).put("placeholder", placeholder.text()).put("count", count));
    }

    private static Map<Placeholder, Integer> occurrences(Anonymised anonymised) {
        Map<Placeholder, Integer> counts = new LinkedHashMap<>();
        for (Anonymised.Replacement replacement : anonymised.replacements()) {
            counts.merge(replacement.placeholder(), 1, Integer::sum);
        }
        return counts;
    }
}
