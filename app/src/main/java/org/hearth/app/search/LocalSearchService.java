package org.hearth.app.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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
import org.hearth.assistant.model.DownloadCancellation;
import org.hearth.assistant.model.DownloadException;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.task.answer.AnswerListener;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.index.FolderWatcher;
import org.hearth.ingest.index.IndexResult;
import org.hearth.ingest.index.SearchIndex;
import org.hearth.ingest.index.SearchRequest;
import org.hearth.ui.service.Preview;
import org.hearth.ui.service.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Search tab's service: collections in the Lucene index, kept up to date while the app runs (folder watch)
 * and at start (a rescan: only changed files are read), searches, and cited answers on the shared model.
 */
public final class LocalSearchService implements SearchService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSearchService.class);

    private final Callable<SearchSetup> openSetup;
    private final CompletableFuture<SearchSetup> setup = new CompletableFuture<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private final DocumentSource documents;
    private final SharedModel models;
    private final Supplier<ContextOptions> contextOptions;
    private final SourceViewer viewer;
    private final ExecutorService indexing = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-index").factory());
    private final ExecutorService answering = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-answer").factory());
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final FolderWatcher watcher;
    private final SearchModelDownload searchModel;
    private final ExecutorService installing = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-search-model").factory());
    private final TwoStepSearch searches = new TwoStepSearch();
    private final Optional<AnswerRouting> routing;

    /**
     * Watches the collections' folders once the index is open ({@link #openInBackground()}); every method waits for
     * the index to be open, and opens it if nothing has yet.
     */
    public LocalSearchService(Callable<SearchSetup> openSetup, DocumentSource documents, SharedModel models,
                              Supplier<ContextOptions> contextOptions, SourceViewer viewer, SearchModelDownload searchModel,
                              Optional<AnswerRouting> routing) throws IOException {
        this.searchModel = searchModel;
        this.routing = routing;
        this.documents = documents;
        this.models = models;
        this.contextOptions = contextOptions;
        this.viewer = viewer;
        this.watcher = FolderWatcher.start(this::updateQuietly);
        this.openSetup = openSetup;
    }

    /**
     * Opens the index (and loads the embedding model) and catches up with what changed in the collections' folders
     * while the app was closed, in the background. The window calls this after its first frame, so that a rescan does
     * not compete with its start; whatever needs the index first opens it itself.
     */
    public void openInBackground() {
        if (!opening.compareAndSet(false, true)) {
            return;
        }
        indexing.execute(() -> {
            try {
                SearchSetup opened = openSetup.call();
                for (String collection : opened.index().collections()) {
                    for (Path folder : opened.index().folders(collection)) {
                        watcher.watch(collection, folder);
                    }
                    updateQuietly(collection);
                }
                setup.complete(opened);
            } catch (Exception e) {
                setup.completeExceptionally(e);
            }
        });
    }

    /** Work on the index: after its opening, which is queued first if nothing has asked for it yet. */
    private void onIndexThread(Runnable work) {
        openInBackground();
        indexing.execute(work);
    }

    private SearchIndex index() {
        return setup().index();
    }

    private SearchSetup setup() {
        openInBackground();
        try {
            return setup.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Hearth cannot open its search index: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public List<Collection> collections() {
        List<Collection> collections = new ArrayList<>();
        for (String name : index().collections()) {
            try {
                SearchIndex.CollectionSize size = index().size(name);
                collections.add(new Collection(name, index().folders(name), size.files(), size.chunks()));
            } catch (IOException e) {
                throw new IllegalStateException("Hearth cannot read its search index: " + e.getMessage(), e);
            }
        }
        return collections;
    }

    @Override
    public IndexJob addFolder(String collection, Path folder, IndexJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        onIndexThread(() -> {
            try {
                Path normalized = folder.toAbsolutePath().normalize();
                index().addFolder(collection, normalized);
                watcher.watch(collection, normalized);
            } catch (IOException | RuntimeException e) {
                listener.failed("Hearth cannot add " + folder.getFileName() + ": " + e.getMessage());
                return;
            }
            run(collection, listener, cancelled);
        });
        return () -> cancelled.set(true);
    }

    @Override
    public IndexJob update(String collection, IndexJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        onIndexThread(() -> run(collection, listener, cancelled));
        return () -> cancelled.set(true);
    }

    private void updateQuietly(String collection) {
        if (queued.add(collection)) {
            onIndexThread(() -> {
                queued.remove(collection);
                run(collection, new IndexJob.Listener() {
                    @Override
                    public void progress(long filesDone, long filesTotal, String currentFile) {
                    }

                    @Override
                    public void done(IndexJob.Summary summary) {
                        LOG.info("Collection {} updated: {} indexed, {} removed, {} errors", collection, summary.indexed(),
                                summary.removed(), summary.errors().size());
                    }

                    @Override
                    public void failed(String message) {
                        LOG.warn("Updating a collection failed: {}", message);
                    }

                    @Override
                    public void cancelled() {
                    }
                }, new AtomicBoolean());
            });
        }
    }

    private void run(String collection, IndexJob.Listener listener, AtomicBoolean cancelled) {
        try {
            IndexResult result = index().index(collection, documents,
                    (done, total, file) -> listener.progress(done, total, file.getFileName().toString()), cancelled::get);
            if (result.cancelled()) {
                listener.cancelled();
                return;
            }
            listener.done(new IndexJob.Summary(result.indexed(), result.unchanged(), result.removed(),
                    result.errors().stream().map(e -> new IndexJob.FileError(e.file(), e.message())).toList(), result.partlyRead()));
        } catch (CancellationException e) {
            listener.cancelled();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Indexing failed", e);
            listener.failed(e.getMessage());
        }
    }

    @Override
    public SearchJob search(String query, Optional<String> collection, int top, SearchJob.Listener listener) {
        return searches.search(index(), query, collection, Math.min(top, SearchRequest.MAX_TOP), listener);
    }

    @Override
    public long searchModelBytes() {
        return ModelCatalog.embeddingModel().approximateSizeBytes();
    }

    @Override
    public InstallJob installSearchModel(InstallJob.Listener listener) {
        DownloadCancellation cancellation = new DownloadCancellation();
        installing.execute(() -> {
            try {
                Path file = searchModel.download(progress -> listener.progress(progress.bytesDone(), progress.totalBytes()),
                        cancellation);
                setup().useEmbeddingModel(file);
                // The documents indexed so far get their vectors from their stored text; no file is read again.
                index().collections().forEach(this::updateQuietly);
                listener.done();
            } catch (DownloadException e) {
                if (e.reason() == DownloadException.Reason.CANCELLED) {
                    listener.cancelled();
                } else {
                    listener.failed(e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("Installing the search model failed", e);
                listener.failed(e.getMessage());
            }
        });
        return cancellation::cancel;
    }

    @Override
    public AnswerJob ask(String question, Optional<String> collection, AnswerJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        SendChoice sendChoice = new SendChoice();
        answering.execute(() -> {
            try (LeaseOnFirstUse lease = new LeaseOnFirstUse(models, cancelled::get)) {
                CitedAnswers answers = new CitedAnswers(index());
                CitedAnswers.Retrieval retrieval = answers.retrieve(question, collection);
                listener.sources(retrieval.relevant() ? retrieval.hits().stream().map(ServiceHits::of).toList() : List.of());
                AnswerListener streamed = new AnswerListener() {
                    @Override
                    public void text(String piece) {
                        listener.text(piece);
                    }

                    @Override
                    public void textDiscarded() {
                        listener.textDiscarded();
                    }
                };
                Optional<Outgoing> leaving = leaving(question, retrieval);
                CitedAnswers.Result result = leaving.isPresent()
                        ? answerThere(answers, question, retrieval, leaving.get(), listener, streamed, sendChoice, cancelled::get)
                        : answers.answer(question, retrieval, c -> new LocalEngine(lease.model(), contextOptions.get()), streamed, lease::cancelled);
                listener.done(new AnswerJob.Answer(result.refused(), result.text(), result.citations().stream()
                        .map(c -> new AnswerJob.Citation(c.n(), ServiceHits.location(c.chunk()), c.quote(), c.verified())).toList()));
            } catch (CancellationException e) {
                listener.cancelled();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.cancelled();
            } catch (IOException | LlamaException | EngineException | IllegalStateException | AnonymisationException
                     | SecretStoreException e) {
                listener.failed(e.getMessage());
            }
        });
        return new AnswerJob() {
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

    /** The question and its passages as they would leave, where the policy lets answers leave and a server takes them. */
    private Optional<Outgoing> leaving(String question, CitedAnswers.Retrieval retrieval) throws AnonymisationException {
        if (routing.isEmpty() || !routing.get().mayLeave() || !retrieval.relevant()) {
            return Optional.empty();
        }
        Outgoing outgoing = routing.get().outgoing(question, retrieval);
        return outgoing.route().leavesTheMachine() ? Optional.of(outgoing) : Optional.empty();
    }

    /**
     * The answer written on the target: after the user sent its preview (or the policy sends without asking), every
     * request logged before it leaves, the gate open to that server only while it runs.
     */
    private CitedAnswers.Result answerThere(CitedAnswers answers, String question, CitedAnswers.Retrieval retrieval,
                                            Outgoing outgoing, AnswerJob.Listener listener, AnswerListener streamed,
                                            SendChoice sendChoice, BooleanSupplier cancelled)
            throws InterruptedException, SecretStoreException {
        AnswerRouting answerRouting = routing.orElseThrow();
        String consent = "policy";
        if (!answerRouting.withoutAsking()) {
            listener.preview(new Preview(outgoing.route(), outgoing.shown()));
            sendChoice.await();
            consent = "preview";
        }
        Target target = outgoing.route().target().orElseThrow();
        Engine engine = answerRouting.engine(outgoing, consent);
        listener.routedTo(target.name());
        try (NetworkGate.Permit permit = answerRouting.permit(target)) {
            return answers.answer(question, retrieval, c -> engine, streamed, cancelled);
        } finally {
            listener.routedTo(null);
        }
    }

    @Override
    public void open(Location location) {
        try {
            viewer.open(location.file(), location.page());
        } catch (IOException e) {
            throw new IllegalStateException("Hearth cannot open " + location.fileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        indexing.shutdownNow();
        answering.shutdownNow();
        installing.shutdownNow();
        searches.close();
        try {
            watcher.close();
        } finally {
            if (setup.isDone() && !setup.isCompletedExceptionally()) {
                setup.join().close();
            }
        }
    }
}
