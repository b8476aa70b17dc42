package org.hearth.app.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.assistant.task.summary.Summarizer;
import org.hearth.assistant.task.summary.Summary;
import org.hearth.assistant.task.summary.SummaryListener;
import org.hearth.assistant.task.summary.SummaryRequest;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;

/**
 * The summary use case shared by the command line and the window: a file is read in the bounded reader,
 * cut into passages and summarised by whatever engine the caller provides. Reading and summarising are
 * separate steps so the window can read the next file while the model still works on this one.
 */
public final class SummarizeDocument {

    private final IsolatedDocumentReader reader;

    public SummarizeDocument(IsolatedDocumentReader reader) {
        this.reader = reader;
    }

    public record Options(SummaryStyle style, Optional<Language> language,
                          Optional<String> password) {
    }

    /** Gives an engine for one summary; the CLI hands out its loaded-once model, the window a model lease. */
    @FunctionalInterface
    public interface EngineSource {
        EngineUse acquire(BooleanSupplier cancelled) throws InterruptedException;
    }

    /** An engine borrowed for one summary; closing gives the model back before the caller hears "done". */
    public record EngineUse(Engine engine, BooleanSupplier cancelled, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    public interface Listener {
        default void reading(int pagesDone, int pagesTotal) {
        }

        /** The engine is there; the model starts on the document. */
        default void summarising(DocumentText document) {
        }

        default void summarising(int stepsDone, int stepsTotal) {
        }

        default void text(String piece) {
        }

        default void textDiscarded() {
        }
    }

    public record Result(String text, Language language, int pages,
                         List<Locator> citations, Optional<String> warning) {
    }

    public enum Reason { PASSWORD_REQUIRED, WRONG_PASSWORD, NO_TEXT, UNSUPPORTED_TYPE, NOT_FOUND, DAMAGED, TOO_LARGE, TOO_SLOW, NO_MODEL, MODEL_FAILED, OTHER }

    public sealed interface Outcome {
    }

    public record Done(Result result) implements Outcome {
    }

    public record Failed(Reason reason, String detail, Exception cause) implements Outcome {
    }

    public record Cancelled() implements Outcome {
    }

    /** A file read and ready for the model, or the reason it could not be read. */
    public sealed interface Read {
    }

    public record ReadDocument(String name, DocumentText document) implements Read {
    }

    public record ReadFailed(Outcome outcome) implements Read {
    }

    public Outcome run(Path file, Options options, EngineSource engines, Listener listener, BooleanSupplier cancelled) {
        return switch (read(file, options, listener, cancelled)) {
            case ReadDocument document -> summarise(document, options, engines, listener, cancelled);
            case ReadFailed failed -> failed.outcome();
        };
    }

    public Read read(Path file, Options options, Listener listener, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return new ReadFailed(new Cancelled());
        }
        try {
            DocumentText document = reader.read(file, new ReadOptions(options.password()), listener::reading, cancelled);
            return new ReadDocument(file.getFileName().toString(), document);
        } catch (DocumentException e) {
            return new ReadFailed(new Failed(reason(e.kind()), message(e), e));
        } catch (CancellationException e) {
            return new ReadFailed(new Cancelled());
        } catch (RuntimeException e) {
            return new ReadFailed(new Failed(Reason.OTHER, message(e), e));
        }
    }

    public Outcome summarise(ReadDocument read, Options options, EngineSource engines, Listener listener, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return new Cancelled();
        }
        DocumentText document = read.document();
        EngineUse acquired;
        try {
            acquired = engines.acquire(cancelled);
        } catch (CancellationException e) {
            return new Cancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(Reason.OTHER, "interrupted", e);
        } catch (LlamaException | EngineException e) {
            // no model became ready (none installed, or its set-up failed): the file needs one, it did not break one
            return new Failed(Reason.NO_MODEL, message(e), e);
        }
        try (EngineUse use = acquired) {
            listener.summarising(document);
            Summary summary = new Summarizer(use.engine()).summarize(
                    new SummaryRequest(read.name(), DocumentPassages.of(document), options.style(), options.language()),
                    new SummaryListener() {
                        @Override
                        public void progress(int stepsDone, int stepsTotal) {
                            listener.summarising(stepsDone, stepsTotal);
                        }

                        @Override
                        public void text(String piece) {
                            listener.text(piece);
                        }

                        @Override
                        public void textDiscarded() {
                            listener.textDiscarded();
                        }
                    }, use.cancelled());
            return new Done(new Result(summary.text(), summary.language(), document.pageCount(),
                    summary.citations(), document.warning()));
        } catch (CancellationException e) {
            // the user's cancel, or the model host recalling the model for a swap: either way the job stopped
            return new Cancelled();
        } catch (LlamaException | EngineException e) {
            return new Failed(Reason.MODEL_FAILED, message(e), e);
        } catch (RuntimeException e) {
            return new Failed(Reason.OTHER, message(e), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    static Reason reason(DocumentException.Kind kind) {
        return switch (kind) {
            case PASSWORD_REQUIRED -> Reason.PASSWORD_REQUIRED;
            case WRONG_PASSWORD -> Reason.WRONG_PASSWORD;
            case NO_TEXT -> Reason.NO_TEXT;
            case UNSUPPORTED_TYPE -> Reason.UNSUPPORTED_TYPE;
            case NOT_FOUND -> Reason.NOT_FOUND;
            case DAMAGED -> Reason.DAMAGED;
            case TOO_LARGE, OUT_OF_MEMORY -> Reason.TOO_LARGE;
            case TIMEOUT -> Reason.TOO_SLOW;
        };
    }
}
