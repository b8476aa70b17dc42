package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hearth.app.HearthPaths;
import org.hearth.app.drafting.DraftFromTemplate;
import org.hearth.app.drafting.DraftStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Fill a DOCX template's fields from files with the local model, each value with its evidence.",
                "A value is written only when its quote is found word for word in a source; the others stay blank and "
                        + "highlighted in the document and are reported as unsupported or empty. The template is never changed."})
final class DraftCommand extends HearthSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--template", required = true, paramLabel = "T.docx", description = "The template: {{Feld}} placeholders, content controls.")
    Path template;

    @Option(names = "--from", required = true, arity = "1..*", paramLabel = "FILE", description = "The files to fill it from (PDF, DOCX, TXT, MD, EML).")
    List<Path> sources;

    @Option(names = "--out", required = true, paramLabel = "OUT.docx", description = "Where the filled document is written (never the template).")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter stdout = out();
        PrintWriter err = err();
        DraftFromTemplate.Draft draft;
        try (Cancellation cancelled = new Cancellation();
             ModelOnFirstUse model = new ModelOnFirstUse(modelOptions.setup(paths), err);
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            DraftFromTemplate.Listener listener = json ? new DraftFromTemplate.Listener() { } : new DraftFromTemplate.Listener() {
                @Override
                public void reading(Path source) {
                    err.println("hearth: reading " + source.getFileName());
                }

                @Override
                public void filling(int done, int total) {
                    err.println("hearth: field " + done + " of " + total);
                }
            };
            draft = new DraftFromTemplate(reader).draft(template, sources, out, model::engine, listener, cancelled);
        }
        long id;
        try (DraftStore store = new DraftStore(LocalState.open(paths.database()))) {
            id = store.keep(draft, Instant.now());
        }
        if (json) {
            stdout.println(JSON.writeValueAsString(toJson(draft).put("id", id)));
        } else {
            for (DraftFromTemplate.Field field : draft.fields()) {
                stdout.println(field.name() + ": " + (field.status() == FieldProposal.Status.FILLED ? field.value() : "—")
                        + "  [" + status(field.status()) + "]"
                        + field.evidence().map(e -> "  " + e.file().getFileName() + " — \"" + e.quote() + "\"").orElse(""));
            }
            stdout.println("written: " + draft.out() + " (kept as draft " + id + ")");
        }
        return 0;
    }

    static ObjectNode toJson(DraftFromTemplate.Draft draft) {
        ObjectNode root = JSON.createObjectNode();
        root.put("template", draft.template().toString());
        root.put("out", draft.out().toString());
        ArrayNode fields = root.putArray("fields");
        for (DraftFromTemplate.Field field : draft.fields()) {
            ObjectNode entry = fields.addObject();
            entry.put("name", field.name());
            entry.put("kind", field.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            entry.put("value", field.value());
            entry.put("status", status(field.status()));
            field.evidence().ifPresentOrElse(evidence -> {
                ObjectNode source = entry.putObject("source");
                source.put("file", evidence.file().toString());
                evidence.page().ifPresent(page -> source.put("page", page));
                evidence.paragraph().ifPresent(paragraph -> source.put("paragraph", paragraph));
                source.put("quote", evidence.quote());
                source.put("verified", evidence.verified());
            }, () -> entry.putNull("source"));
        }
        return root;
    }

    private static String status(FieldProposal.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
