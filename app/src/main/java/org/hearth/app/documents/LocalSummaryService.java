package org.hearth.app.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hearth.app.estimate.SpeedBook;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.SummaryRouting;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.StateException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.ModelLease;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.Preview;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.service.SummaryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropped file → text (in the bounded reader process) → summary (on the shared model) → kept in hearth.db for the
 * next start. Reading and summarising run on their own threads, so the next file is read while the model
 * summarises this one. Where the routing policy lets summaries leave, a file goes to its server only after the user
 * sent its preview.
 */
public final class LocalSummaryService implements SummaryService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSummaryService.class);

    /** Longer summaries wait for the user's choice before they start. */
    static final Duration ASK_ABOVE = Duration.ofMinutes(5);

    private final LocalModelService models;
    private final Supplier<ContextOptions> contextOptions;
    private final SummaryStore store;
    private final IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    private final ExecutorService reading = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-read").factory());
    private final SummarizeDocument summary;
    private final ExecutorService summarising = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-summarise").factory());
    /** A routed summary waits for its server, not for the model: it runs beside the local ones. */
    private final ExecutorService sending = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-send").factory());
    private final Optional<SummaryRouting> routing;

    /** Every summary runs on this machine. */
    public LocalSummaryService(LocalModelService models, Supplier<ContextOptions> contextOptions, SpeedBook speeds,
            SummaryStore store) {
        this(models, contextOptions, speeds, store, Optional.empty());
    }

    /**
     * @param speeds  where each model's measured speed is kept, for the estimates of later summaries
     * @param store   where finished (and cancelled, with text) summaries are kept; the caller closes it
     * @param routing where a summary the policy lets leave goes; empty = none ever does
     */
    public LocalSummaryService(LocalModelService models, Supplier<ContextOptions> contextOptions, SpeedBook speeds,
            SummaryStore store, Optional<SummaryRouting> routing) {
        this.models = models;
        this.contextOptions = contextOptions;
        this.summary = new SummarizeDocument(reader, speeds);
        this.store = store;
        this.routing = routing;
    }

    @Override
    public List<StoredSummary> storedSummaries() {
        return store.all().stream().map(LocalSummaryService::stored).toList();
    }

    @Override
    public void deleteStoredSummary(long id) {
        store.delete(id);
    }

    private static StoredSummary stored(SummaryStore.Entry entry) {
        KeptSummary kept = entry.summary();
        Optional<FileStamp> now = FileStamp.of(kept.file());
        StoredSummary.Source source = now.isEmpty() ? StoredSummary.Source.MISSING
                : now.equals(kept.stamp()) ? StoredSummary.Source.UNCHANGED : StoredSummary.Source.CHANGED;
        return new StoredSummary(entry.id(), kept.file(), kept.style(), kept.language(), kept.pages(), kept.text(),
                kept.citations(), kept.partial(), kept.created(), source);
    }

    @Override
    public List<String> supportedExtensions() {
        return List.copyOf(IsolatedDocumentReader.supportedExtensions());
    }

    @Override
    public SummaryJob summarize(Path file, SummaryOptions options, SummaryJob.Listener listener) {
        Job job = new Job(file, options, listener);
        listener.state(State.QUEUED);
        reading.execute(job::read);
        return job;
    }

    private final class Job implements SummaryJob {
        private final Path file;
        private final SummaryOptions options;
        private final Listener listener;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        /** The document read, while the job waits for the user's choice on a long summary. */
        private final AtomicReference<SummarizeDocument.ReadDocument> awaiting = new AtomicReference<>();
        /** The document and what would leave, while the job waits for the user to send its preview. */
        private final AtomicReference<Pending> awaitingSend = new AtomicReference<>();
        /** What the model wrote of the final summary so far: kept if the user cancels. */
        private final StringBuffer written = new StringBuffer();
        private volatile Optional<FileStamp> stamp = Optional.empty();
        private volatile int pages;
        private final SummarizeDocument.Listener adapter = new SummarizeDocument.Listener() {
            @Override
            public void reading(int pagesDone, int pagesTotal) {
                listener.progress(new Progress(State.READING, pagesDone, pagesTotal));
            }

            @Override
            public void summarising(DocumentText document) {
                pages = document.pageCount();
                listener.state(State.SUMMARISING);
            }

            @Override
            public void summarising(int stepsDone, int stepsTotal) {
                listener.progress(new Progress(State.SUMMARISING, stepsDone, stepsTotal));
            }

            @Override
            public void remaining(Duration left) {
                listener.remaining(left);
            }

            @Override
            public void text(String piece) {
                written.append(piece);
                listener.text(piece);
            }

            @Override
            public void textDiscarded() {
                written.setLength(0);
                listener.textDiscarded();
            }
        };

        Job(Path file, SummaryOptions options, Listener listener) {
            this.file = file;
            this.options = options;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            boolean choosing = awaiting.getAndSet(null) != null;
            boolean previewing = awaitingSend.getAndSet(null) != null;
            if (choosing || previewing) {
                endCancelled();
            }
        }

        @Override
        public void send() {
            Pending pending = awaitingSend.getAndSet(null);
            if (pending != null) {
                sending.execute(() -> summariseThere(pending, "preview"));
            }
        }

        @Override
        public void proceed(OptionalInt firstPages) {
            SummarizeDocument.ReadDocument document = awaiting.getAndSet(null);
            if (document != null) {
                summarising.execute(() -> summarise(document, useCaseOptions().limitedTo(firstPages, Optional.empty())));
            }
        }

        void read() {
            if (stopIfCancelled()) {
                return;
            }
            listener.state(State.READING);
            // Taken before reading, so a change while the model works shows as a change at the next start.
            stamp = FileStamp.of(file);
            switch (summary.read(file, useCaseOptions(), adapter, cancelled::get)) {
                case SummarizeDocument.ReadDocument document -> {
                    if (!offerToSend(document)) {
                        summarising.execute(() -> summarise(document, useCaseOptions().limitedTo(OptionalInt.empty(), Optional.of(ASK_ABOVE))));
                    }
                }
                case SummarizeDocument.ReadFailed failed -> end(failed.outcome());
            }
        }

        /** Where the policy lets this summary leave: shows what would go and waits; false when it runs here. */
        private boolean offerToSend(SummarizeDocument.ReadDocument document) {
            if (routing.isEmpty() || !routing.get().mayLeave()) {
                return false;
            }
            Outgoing outgoing;
            try {
                outgoing = routing.get().outgoing(document.document());
            } catch (AnonymisationException e) {
                // fail closed: a text that cannot be made safe is neither sent nor quietly summarised elsewhere
                fail(Failure.Reason.OTHER, e.getMessage());
                return true;
            }
            if (!outgoing.route().leavesTheMachine()) {
                return false;
            }
            if (routing.get().withoutAsking()) {
                Pending unasked = new Pending(document, outgoing);
                sending.execute(() -> summariseThere(unasked, "policy"));
                return true;
            }
            awaitingSend.set(new Pending(document, outgoing));
            listener.state(State.AWAITING_SEND);
            listener.preview(new Preview(outgoing.route(), outgoing.shown()));
            if (cancelled.get() && awaitingSend.getAndSet(null) != null) {
                endCancelled();
            }
            return true;
        }

        /**
         * The user sent the preview (or the policy sends without asking): the summary runs on the target, every request logged before it leaves, the gate
         * open to that server only while it runs.
         */
        void summariseThere(Pending pending, String consent) {
            if (stopIfCancelled()) {
                return;
            }
            Target target = pending.outgoing().route().target().orElseThrow();
            Engine engine;
            try {
                engine = routing.orElseThrow().engine(pending.outgoing(), consent);
            } catch (SecretStoreException e) {
                fail(Failure.Reason.OTHER, e.getMessage());
                return;
            }
            listener.routedTo(target.name());
            try (NetworkGate.Permit permit = routing.orElseThrow().permit(target)) {
                // no time budget: the user confirmed this job in its preview, and this machine's speed says nothing of the server's
                end(summary.summarise(pending.document(), useCaseOptions(), jobCancelled ->
                        new SummarizeDocument.EngineUse(engine, SummaryRouting.speedKey(target), jobCancelled, () -> { }),
                        adapter, cancelled::get));
            }
        }

        void summarise(SummarizeDocument.ReadDocument document, SummarizeDocument.Options options) {
            if (stopIfCancelled()) {
                return;
            }
            if (!(models.state() instanceof ModelState.Ready) && !(models.state() instanceof ModelState.Busy)) {
                listener.state(State.WAITING_FOR_MODEL);
            }
            switch (summary.summarise(document, options, this::lease, adapter, cancelled::get)) {
                case SummarizeDocument.TooLong tooLong -> {
                    awaiting.set(document);
                    listener.state(State.AWAITING_CHOICE);
                    listener.longJob(longJob(tooLong));
                }
                case SummarizeDocument.Outcome outcome -> end(outcome);
            }
        }

        private SummarizeDocument.EngineUse lease(BooleanSupplier jobCancelled) throws InterruptedException {
            ModelLease lease = models.lease(jobCancelled);
            return new SummarizeDocument.EngineUse(new LocalEngine(lease.model(), contextOptions.get()),
                    lease.model().file().getFileName().toString(), lease::cancelled, lease::close);
        }

        private SummarizeDocument.Options useCaseOptions() {
            return new SummarizeDocument.Options(options.style(), options.language(), options.password());
        }

        private void end(SummarizeDocument.Outcome outcome) {
            switch (outcome) {
                case SummarizeDocument.Done done -> {
                    if (finished.compareAndSet(false, true)) {
                        SummarizeDocument.Result result = done.result();
                        listener.state(State.DONE);
                        keep(new KeptSummary(file, stamp, options.style(), Optional.of(result.language()), result.pages(),
                                result.text(), result.citations(), result.warning(), false, Instant.now()));
                        listener.done(new Result(result.text(), result.language(), result.pages(), result.citations(), result.limitReached()));
                    }
                }
                case SummarizeDocument.Cancelled ignored -> endCancelled();
                case SummarizeDocument.TooLong ignored -> throw new IllegalStateException("a summary without a time budget was too long");
                case SummarizeDocument.Failed failed -> {
                    if (failed.reason() == SummarizeDocument.Reason.MODEL_FAILED || failed.reason() == SummarizeDocument.Reason.OTHER) {
                        LOG.warn("Summarising {} failed", file.getFileName(), failed.cause());
                    }
                    fail(reason(failed.reason()), failed.detail());
                }
            }
        }

        private boolean stopIfCancelled() {
            if (cancelled.get()) {
                endCancelled();
            }
            return cancelled.get();
        }

        private void endCancelled() {
            if (finished.compareAndSet(false, true)) {
                listener.state(State.CANCELLED);
                if (!written.isEmpty()) {
                    keep(new KeptSummary(file, stamp, options.style(), options.language(), pages, written.toString(),
                            List.of(), Optional.empty(), true, Instant.now()));
                }
                listener.cancelled();
            }
        }

        /** A summary that cannot be kept is still shown; it is only missing after the next start. */
        private void keep(KeptSummary summary) {
            try {
                listener.stored(store.keep(summary));
            } catch (StateException e) {
                LOG.warn("The summary of {} could not be kept: {}", file.getFileName(), e.getMessage());
            }
        }

        private void fail(Failure.Reason reason, String detail) {
            if (finished.compareAndSet(false, true)) {
                listener.state(State.FAILED);
                listener.failed(new Failure(reason, file.getFileName().toString(), detail == null ? "" : detail));
            }
        }
    }

    private record Pending(SummarizeDocument.ReadDocument document, Outgoing outgoing) {
    }

    static SummaryJob.LongJob longJob(SummarizeDocument.TooLong tooLong) {
        return new SummaryJob.LongJob(tooLong.whole().minutes(), tooLong.whole().rough(), tooLong.units(),
                tooLong.unit() == Locator.Unit.PAGE, tooLong.shorterUnits(), tooLong.shorter().minutes());
    }

    static Failure.Reason reason(SummarizeDocument.Reason reason) {
        return switch (reason) {
            case PASSWORD_REQUIRED -> Failure.Reason.PASSWORD_REQUIRED;
            case WRONG_PASSWORD -> Failure.Reason.WRONG_PASSWORD;
            case NO_TEXT -> Failure.Reason.NO_TEXT;
            case UNSUPPORTED_TYPE -> Failure.Reason.UNSUPPORTED_TYPE;
            case DAMAGED -> Failure.Reason.DAMAGED;
            case TOO_LARGE -> Failure.Reason.TOO_LARGE;
            case TOO_SLOW -> Failure.Reason.TOO_SLOW;
            case NO_MODEL -> Failure.Reason.NO_MODEL;
            case MODEL_FAILED -> Failure.Reason.MODEL_FAILED;
            case NOT_FOUND, OTHER -> Failure.Reason.OTHER;
        };
    }

    @Override
    public void close() {
        reading.shutdownNow();
        summarising.shutdownNow();
        sending.shutdownNow();
        reader.close();
    }
}
