package org.hearth.app.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hearth.app.models.LocalModelService;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.summary.Locator;
import org.hearth.assistant.task.summary.Summarizer;
import org.hearth.assistant.task.summary.Summary;
import org.hearth.assistant.task.summary.SummaryListener;
import org.hearth.assistant.task.summary.SummaryRequest;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.service.SummaryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropped file → text (in the bounded reader process) → summary (on the shared model). Reading and
 * summarising run on their own threads, so the next file is read while the model summarises this one.
 */
public final class LocalSummaryService implements SummaryService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSummaryService.class);

    private final LocalModelService models;
    private final Supplier<ContextOptions> contextOptions;
    private final IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    private final ExecutorService reading = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-read").factory());
    private final ExecutorService summarising = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-summarise").factory());

    public LocalSummaryService(LocalModelService models, Supplier<ContextOptions> contextOptions) {
        this.models = models;
        this.contextOptions = contextOptions;
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

        Job(Path file, SummaryOptions options, Listener listener) {
            this.file = file;
            this.options = options;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        void read() {
            if (stopIfCancelled()) {
                return;
            }
            listener.state(State.READING);
            try {
                DocumentText document = reader.read(file, new ReadOptions(options.password()),
                        (done, total) -> listener.progress(new Progress(State.READING, done, total)), cancelled::get);
                summarising.execute(() -> summarise(document));
            } catch (DocumentException e) {
                fail(reason(e.kind()), e.getMessage());
            } catch (CancellationException e) {
                stopIfCancelled();
            } catch (RuntimeException e) {
                LOG.warn("Reading {} failed", file.getFileName(), e);
                fail(Failure.Reason.OTHER, e.getMessage());
            }
        }

        void summarise(DocumentText document) {
            if (stopIfCancelled()) {
                return;
            }
            try {
                LlamaModel model;
                if (!(models.state() instanceof org.hearth.ui.service.ModelService.ModelState.Ready)
                        && !(models.state() instanceof org.hearth.ui.service.ModelService.ModelState.Busy)) {
                    listener.state(State.WAITING_FOR_MODEL);
                }
                try {
                    model = models.await(cancelled::get);
                } catch (LlamaException noModel) {
                    // The model never became ready (none installed, or its set-up failed): the file needs one.
                    fail(Failure.Reason.NO_MODEL, noModel.getMessage());
                    return;
                }
                listener.state(State.SUMMARISING);
                models.busy(true);
                Summary summary;
                try {
                    summary = new Summarizer(new LocalEngine(model, contextOptions.get())).summarize(
                            new SummaryRequest(file.getFileName().toString(), DocumentPassages.of(document),
                                    SummaryStyles.fromUi(options.style()), SummaryStyles.language(options.language())),
                            new SummaryListener() {
                                @Override
                                public void progress(int stepsDone, int stepsTotal) {
                                    listener.progress(new Progress(State.SUMMARISING, stepsDone, stepsTotal));
                                }

                                @Override
                                public void text(String piece) {
                                    listener.text(piece);
                                }

                                @Override
                                public void textDiscarded() {
                                    listener.textDiscarded();
                                }
                            }, cancelled::get);
                } finally {
                    models.busy(false); // before "done", so whoever hears it finds the model free again
                }
                if (finished.compareAndSet(false, true)) {
                    listener.state(State.DONE);
                    listener.done(new Result(summary.text(), SummaryStyles.code(summary.language()),
                            document.pageCount(), summary.citations().stream().map(Job::citation).toList()));
                }
            } catch (CancellationException e) {
                stopIfCancelled();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(Failure.Reason.OTHER, "interrupted");
            } catch (LlamaException | EngineException e) {
                LOG.warn("Summarising {} failed", file.getFileName(), e);
                fail(Failure.Reason.MODEL_FAILED, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Summarising {} failed", file.getFileName(), e);
                fail(Failure.Reason.OTHER, e.getMessage());
            }
        }

        private boolean stopIfCancelled() {
            if (cancelled.get() && finished.compareAndSet(false, true)) {
                listener.state(State.CANCELLED);
                listener.cancelled();
                return true;
            }
            return cancelled.get();
        }

        private void fail(Failure.Reason reason, String detail) {
            if (finished.compareAndSet(false, true)) {
                listener.state(State.FAILED);
                listener.failed(new Failure(reason, file.getFileName().toString(), detail == null ? "" : detail));
            }
        }

        private static Citation citation(Locator locator) {
            return new Citation(locator.unit() == Locator.Unit.PAGE ? Citation.Unit.PAGE : Citation.Unit.PARAGRAPH,
                    locator.from(), locator.to());
        }
    }

    static Failure.Reason reason(DocumentException.Kind kind) {
        return switch (kind) {
            case PASSWORD_REQUIRED -> Failure.Reason.PASSWORD_REQUIRED;
            case WRONG_PASSWORD -> Failure.Reason.WRONG_PASSWORD;
            case NO_TEXT -> Failure.Reason.NO_TEXT;
            case UNSUPPORTED_TYPE -> Failure.Reason.UNSUPPORTED_TYPE;
            case NOT_FOUND -> Failure.Reason.OTHER;
            case DAMAGED -> Failure.Reason.DAMAGED;
            case TOO_LARGE, OUT_OF_MEMORY -> Failure.Reason.TOO_LARGE;
            case TIMEOUT -> Failure.Reason.TOO_SLOW;
        };
    }

    @Override
    public void close() {
        reading.shutdownNow();
        summarising.shutdownNow();
        reader.close();
    }
}
