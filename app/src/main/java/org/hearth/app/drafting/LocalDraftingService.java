package org.hearth.app.drafting;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hearth.app.models.LeaseOnFirstUse;
import org.hearth.app.models.SharedModel;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.SendChoice;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.task.answer.Source;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.template.TemplateField;
import org.hearth.ui.service.DraftingService;
import org.hearth.ui.service.DraftingService.DraftJob.Failure;
import org.hearth.ui.service.DraftingService.DraftJob.Stage;
import org.hearth.ui.service.Preview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drafting tab's service: {@link DraftFromTemplate} on the shared model, one draft at a time on its own thread,
 * holding a model lease only once the sources are read. Saving writes what the user accepted through the same use
 * case.
 */
public final class LocalDraftingService implements DraftingService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDraftingService.class);

    private final SharedModel models;
    private final Supplier<ContextOptions> contextOptions;
    private final Optional<DraftRouting> routing;
    private final IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    private final DraftFromTemplate drafts = new DraftFromTemplate(reader);
    private final ExecutorService drafting = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-draft").factory());

    /**
     * @param contextOptions read when a draft starts, so a change in the settings applies to the next one
     * @param routing        where the policy may let a draft's fields be filled on a server
     */
    public LocalDraftingService(SharedModel models, Supplier<ContextOptions> contextOptions, Optional<DraftRouting> routing) {
        this.models = models;
        this.contextOptions = contextOptions;
        this.routing = routing;
    }

    @Override
    public List<Template> templates(Path folder) throws IOException {
        List<Template> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{docx,DOCX}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.startsWith("~$")) {
                    found.add(new Template(file, name.substring(0, name.length() - ".docx".length())));
                }
            }
        }
        found.sort(Comparator.comparing(template -> template.name().toLowerCase(Locale.ROOT)));
        return found;
    }

    @Override
    public List<String> supportedSources() {
        return List.copyOf(IsolatedDocumentReader.supportedExtensions());
    }

    @Override
    public DraftJob propose(Path template, List<Path> sources, DraftJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        SendChoice sendChoice = new SendChoice();
        List<Path> files = List.copyOf(sources);
        drafting.execute(() -> run(template, files, listener, cancelled, sendChoice));
        return new DraftJob() {
            @Override
            public void cancel() {
                cancelled.set(true);
                sendChoice.decline();
            }

            @Override
            public void send() {
                sendChoice.send();
            }
        };
    }

    private void run(Path template, List<Path> sources, DraftJob.Listener listener, AtomicBoolean cancelled, SendChoice sendChoice) {
        AtomicBoolean leased = new AtomicBoolean();
        AtomicReference<List<Source>> read = new AtomicReference<>(List.of());
        AtomicReference<NetworkGate.Permit> serverPermit = new AtomicReference<>();
        try (LeaseOnFirstUse lease = new LeaseOnFirstUse(models, cancelled::get)) {
            DraftFromTemplate.Proposals proposals = drafts.propose(template, sources, jobCancelled -> {
                Optional<Engine> there = engineThere(read.get(), listener, sendChoice, serverPermit);
                if (there.isPresent()) {
                    return there.get();
                }
                listener.progress(Stage.WAITING_FOR_MODEL, null, 0, 0);
                LocalEngine engine = new LocalEngine(lease.model(), contextOptions.get());
                leased.set(true);
                return engine;
            }, new DraftFromTemplate.Listener() {
                @Override
                public void sourcesRead(List<Source> passages) {
                    read.set(passages);
                }

                @Override
                public void reading(Path source) {
                    listener.progress(Stage.READING, source.getFileName().toString(), sources.indexOf(source), sources.size());
                }

                @Override
                public void filling(int fieldsDone, int fieldsTotal) {
                    listener.progress(Stage.FILLING, null, fieldsDone, fieldsTotal);
                }
            }, lease::cancelled);
            listener.done(proposals.fields().stream().map(LocalDraftingService::field).toList());
        } catch (CancellationException e) {
            listener.cancelled();

        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.cancelled();
        } catch (DocumentException e) {
            listener.failed(new Failure(Failure.Reason.UNREADABLE, e.getMessage()));
        } catch (LlamaException | EngineException e) {
            LOG.warn("A draft failed in the model", e);
            listener.failed(new Failure(leased.get() ? Failure.Reason.MODEL_FAILED : Failure.Reason.NO_MODEL, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("A draft failed", e);
            listener.failed(new Failure(Failure.Reason.OTHER, String.valueOf(e.getMessage())));
        } finally {
            Optional.ofNullable(serverPermit.get()).ifPresent(permit -> {
                permit.close();
                listener.routedTo(null);
            });
        }
    }

    /**
     * Where the policy lets this draft leave: shows what would go and waits for Send (unless the policy sends without
     * asking), then the server's engine with the gate open to it until the draft ends. Empty: it runs here.
     */
    private Optional<Engine> engineThere(List<Source> sources, DraftJob.Listener listener, SendChoice sendChoice,
                                         AtomicReference<NetworkGate.Permit> serverPermit)
            throws InterruptedException {
        if (routing.isEmpty() || !routing.get().mayLeave() || sources.isEmpty()) {
            return Optional.empty();
        }
        DraftRouting draftRouting = routing.get();
        Outgoing outgoing;
        try {
            outgoing = draftRouting.outgoing(sources);
        } catch (AnonymisationException e) {
            // fail closed: a text that cannot be made safe is neither sent nor quietly drafted elsewhere
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!outgoing.route().leavesTheMachine()) {
            return Optional.empty();
        }
        String consent = "policy";
        if (!draftRouting.withoutAsking()) {
            listener.preview(new Preview(outgoing.route(), outgoing.shown()));
            sendChoice.await();
            consent = "preview";
        }
        Target target = outgoing.route().target().orElseThrow();
        Engine engine;
        try {
            engine = draftRouting.engine(outgoing, consent);
        } catch (SecretStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        serverPermit.set(draftRouting.permit(target));
        listener.routedTo(target.name());
        return Optional.of(engine);
    }

    private static DraftJob.Field field(DraftFromTemplate.Field field) {
        Optional<DraftJob.Evidence> evidence = field.evidence().map(e ->
                new DraftJob.Evidence(e.file(), e.page(), e.paragraph(), e.quote(), e.verified()));
        return new DraftJob.Field(field.name(), field.description(),
                field.kind() == TemplateField.Kind.ROWS, field.status(), field.value(), evidence);
    }

    @Override
    public void save(Path template, Map<String, String> values, Path out) throws IOException {
        try {
            DraftFromTemplate.write(template, values, out);
        } catch (DocumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        drafting.shutdownNow();
        reader.close();
    }
}
