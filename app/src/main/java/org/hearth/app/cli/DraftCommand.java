package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.app.HearthPaths;
import org.hearth.app.drafting.DraftFromTemplate;
import org.hearth.app.drafting.DraftRouting;
import org.hearth.app.drafting.DraftStore;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Fill a DOCX template's fields from files with the local model (or a server the policy or --target "
                + "allows, after its preview), each value with its evidence.",
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

    @Option(names = "--target", paramLabel = "NAME", description = "Fill the fields on this server (see `hearth targets`); "
            + "without --yes only shows what would leave.")
    String target;

    @Option(names = "--yes", description = "Confirms sending the sources, as the preview shows them, to the server.")
    boolean yes;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter stdout = out();
        PrintWriter err = err();
        DraftFromTemplate.Draft draft;
        AtomicReference<List<Source>> read = new AtomicReference<>(List.of());
        AtomicReference<Outgoing> previewed = new AtomicReference<>();
        AtomicReference<NetworkGate.Permit> serverPermit = new AtomicReference<>();
        try (Cancellation cancelled = new Cancellation();
             RoutingStore routingStore = new RoutingStore(LocalState.open(paths.database()));
             ModelOnFirstUse model = new ModelOnFirstUse(modelOptions.setup(paths), err);
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            DraftRouting routing = new DraftRouting(JobRouting.onThisSystem(JobClass.DRAFT, routingStore, paths, Optional.ofNullable(target)));
            if (yes && !routing.mayLeave()) {
                throw new IllegalArgumentException("--yes confirms sending to a server, but no server is named with --target "
                        + "or allowed for drafts (`hearth policy set draft NAME`)");
            }
            DraftFromTemplate.Listener listener = new DraftFromTemplate.Listener() {
                @Override
                public void reading(Path source) {
                    if (!json) {
                        err.println("hearth: reading " + source.getFileName());
                    }
                }

                @Override
                public void filling(int done, int total) {
                    if (!json) {
                        err.println("hearth: field " + done + " of " + total);
                    }
                }

                @Override
                public void sourcesRead(List<Source> sources) {
                    read.set(sources);
                }
            };
            DraftFromTemplate.EngineSource engines = jobCancelled -> {
                Outgoing outgoing = routing.mayLeave() ? outgoing(routing, read.get()) : null;
                if (outgoing == null || !outgoing.route().leavesTheMachine()) {
                    return model.engine(jobCancelled);
                }
                if (!yes && !routing.withoutAsking()) {
                    previewed.set(outgoing);
                    throw new CancellationException("shown, not sent");
                }
                err.println("hearth: " + outgoing.route().describe());
                serverPermit.set(routing.permit(outgoing.route().target().orElseThrow()));
                return remote(routing, outgoing, consent(yes));
            };
            try {
                draft = new DraftFromTemplate(reader).draft(template, sources, out, engines, listener, cancelled);
            } catch (CancellationException e) {
                if (previewed.get() != null) {
                    return preview(previewed.get(), stdout, err);
                }
                throw e;
            } finally {
                Optional.ofNullable(serverPermit.get()).ifPresent(NetworkGate.Permit::close);
            }
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

    /** What `--target` without `--yes` prints: where the sources would go and exactly what would leave. Nothing is sent. */
    private int preview(Outgoing outgoing, PrintWriter stdout, PrintWriter err) throws Exception {
        if (json) {
            ObjectNode root = JSON.createObjectNode().put("sent", false).put("route", outgoing.route().describe());
            AnonymizeCommand.describe(root, outgoing.shown());
            root.remove("restored");
            stdout.println(JSON.writeValueAsString(root));
        } else {
            stdout.println("== " + outgoing.route().describe() + " ==");
            stdout.println(outgoing.shown().outgoing());
            err.println("hearth: nothing was sent and nothing written; run again with --yes to send it as shown");
        }
        return 0;
    }

    private static Outgoing outgoing(DraftRouting routing, List<Source> sources) {
        try {
            return routing.outgoing(sources);
        } catch (AnonymisationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Engine remote(DraftRouting routing, Outgoing outgoing, String consent) {
        try {
            return routing.engine(outgoing, consent);
        } catch (SecretStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
