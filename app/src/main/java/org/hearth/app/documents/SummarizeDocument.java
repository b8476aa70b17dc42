package org.hearth.app.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.app.estimate.ModelSpeed;
import org.hearth.app.estimate.RemainingTime;
import org.hearth.app.estimate.SpeedBook;
import org.hearth.app.estimate.SummaryEstimate;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.assistant.task.summary.Passage;
import org.hearth.assistant.task.summary.Summarizer;
import org.hearth.assistant.task.summary.Summary;
import org.hearth.assistant.task.summary.SummaryListener;
import org.hearth.assistant.task.summary.SummaryRequest;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.TextLimitReached;

/**
 * The summary use case shared by the command line and the window: a file is read in the bounded reader,
 * cut into passages and summarised by whatever engine the caller provides. Reading and summarising are
 * separate steps so the window can read the next file while the model still works on this one.
 */
public final class SummarizeDocument {

    private final IsolatedDocumentReader reader;
    private final SpeedBook speeds;

    public SummarizeDocument(IsolatedDocumentReader reader) {
        this(reader, SpeedBook.NONE);
    }

    /** @param speeds where each model's measured speed is read for estimates and kept after each summary */
    public SummarizeDocument(IsolatedDocumentReader reader, SpeedBook speeds) {
        this.reader = reader;
        this.speeds = speeds;
    }

    /**
     * @param firstPages summarise only the pages (or paragraphs) numbered up to this
     * @param budget     stop before starting when the estimate is longer than this
     */
    public record Options(SummaryStyle style, Optional<Language> language,
                          Optional<String> password, OptionalInt firstPages, Optional<Duration> budget) {

        public Options(SummaryStyle style, Optional<Language> language, Optional<String> password) {
            this(style, language, password, OptionalInt.empty(), Optional.empty());
        }

        public Options limitedTo(OptionalInt pages, Optional<Duration> newBudget) {
            return new Options(style, language, password, pages, newBudget);
        }
    }

    /** Gives an engine for one summary; the CLI hands out its loaded-once model, the window a model lease. */
    @FunctionalInterface
    public interface EngineSource {
        EngineUse acquire(BooleanSupplier cancelled) throws InterruptedException;
    }

    /** An engine borrowed for one summary; closing gives the model back before the caller hears "done". */
    /** @param model the model file's name: measured speeds are kept per model */
    public record EngineUse(Engine engine, String model, BooleanSupplier cancelled, Runnable release) implements AutoCloseable {
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

        /** What the summary is expected to take, before its first step. */
        default void estimated(SummaryEstimate estimate) {
        }

        /** After each step: the time still needed, from the pace of the steps so far. */
        default void remaining(Duration left) {
        }

        default void text(String piece) {
        }

        default void textDiscarded() {
        }
    }

    /**
     * @param warning      what could not be read or was left out, in English words (the CLI prints it)
     * @param firstPages   present when only the pages (or paragraphs) up to this number were summarised
     * @param limitReached present when the text passed the limit of one document, for the window to word
     */
    public record Result(String text, Language language, int pages,
                         List<Locator> citations, Optional<String> warning, OptionalInt firstPages,
                         Optional<TextLimitReached> limitReached) {
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

    /**
     * Longer than the budget: nothing was summarised. {@code shorter} is how far the first pages (or paragraphs)
     * would go within the budget, and their estimate.
     *
     * @param units how many pages (or paragraphs) the document has, {@code unit} says which
     */
    public record TooLong(SummaryEstimate whole, int units, Locator.Unit unit, int shorterUnits, SummaryEstimate shorter)
            implements Outcome {
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
            Summarizer summarizer = new Summarizer(use.engine());
            List<Passage> all = DocumentPassages.of(document);
            List<Passage> passages = firstPages(all, options.firstPages());
            ModelSpeed speed = speeds.of(use.model()).orElse(ModelSpeed.ROUGH);
            SummaryRequest request = new SummaryRequest(read.name(), passages, options.style(), options.language());
            SummaryEstimate estimate = SummaryEstimate.of(summarizer.plan(request), speed);
            if (options.budget().isPresent() && estimate.exceeds(options.budget().get())) {
                return tooLong(summarizer, request, estimate, speed, options.budget().get());
            }
            listener.summarising(document);
            listener.estimated(estimate);
            RemainingTime remaining = new RemainingTime(estimate.time(), System::nanoTime);
            Summary summary = summarizer.summarize(request,
                    new SummaryListener() {
                        @Override
                        public void progress(int stepsDone, int stepsTotal) {
                            listener.summarising(stepsDone, stepsTotal);
                            listener.remaining(remaining.after(stepsDone, stepsTotal));
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
            ModelSpeed.of(summary.stats().usage(), estimate.plan()).ifPresent(measured -> speeds.record(use.model(), measured));
            boolean limited = passages.size() < all.size();
            return new Done(new Result(summary.text(), summary.language(), document.pageCount(),
                    summary.citations(), document.warning(), limited ? options.firstPages() : OptionalInt.empty(),
                    document.limitReached()));
        } catch (CancellationException e) {
            // the user's cancel, or the model host recalling the model for a swap: either way the job stopped
            return new Cancelled();
        } catch (LlamaException | EngineException e) {
            return new Failed(Reason.MODEL_FAILED, message(e), e);
        } catch (RuntimeException e) {
            return new Failed(Reason.OTHER, message(e), e);
        }
    }

    /**
     * The first pages that fit the budget at the whole document's pace, and their own estimate (planned anew: the
     * reduce rounds do not shrink in proportion).
     */
    private static TooLong tooLong(Summarizer summarizer, SummaryRequest request, SummaryEstimate whole, ModelSpeed speed, Duration budget) {
        List<Passage> passages = request.passages();
        int units = passages.getLast().locator().to();
        int shorter = (int) Math.max(1, units * budget.toMillis() / Math.max(1, whole.time().toMillis()));
        SummaryRequest first = new SummaryRequest(request.title(), firstPages(passages, OptionalInt.of(shorter)), request.style(), request.language());
        return new TooLong(whole, units, passages.getFirst().locator().unit(), shorter, SummaryEstimate.of(summarizer.plan(first), speed));
    }

    /** The passages that start on or before page (or paragraph) {@code last}; always at least the first one. */
    static List<Passage> firstPages(List<Passage> passages, OptionalInt last) {
        if (last.isEmpty()) {
            return passages;
        }
        List<Passage> first = passages.stream().filter(passage -> passage.locator().from() <= last.getAsInt()).toList();
        return first.isEmpty() ? passages.subList(0, 1) : first;
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
