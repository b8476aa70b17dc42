package org.hearth.ui.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.TextLimitReached;

/** One file's way from dropped to summarised. */
public interface SummaryJob {

    /** Stops the job as soon as possible; the listener then hears {@link State#CANCELLED}. */
    void cancel();

    /**
     * Goes on after {@link State#AWAITING_CHOICE}: the whole document, or only its pages (or paragraphs) up to
     * {@code firstPages}. Ignored in any other state.
     */
    void proceed(OptionalInt firstPages);

    /**
     * Sends what the {@link Preview} showed to its server and summarises there. Ignored in any other state than
     * {@link State#AWAITING_SEND}; {@link #cancel()} there ends the job with nothing sent.
     */
    void send();

    /**
     * AWAITING_CHOICE: the summary would take long; nothing runs until the user chooses (see {@link LongJob}).
     * AWAITING_SEND: the summary may leave this machine; nothing is sent until the user confirms the {@link Preview}.
     */
    enum State { QUEUED, READING, WAITING_FOR_MODEL, AWAITING_CHOICE, AWAITING_SEND, SUMMARISING, DONE, FAILED, CANCELLED }

    /**
     * A summary estimated to take long, before it starts.
     *
     * @param minutes      the whole document's estimate
     * @param rough        no job of this model was measured on this machine yet: the minutes rest on a default
     * @param units        pages of a PDF, paragraphs otherwise ({@code paged} says which)
     * @param firstUnits   how many of the first pages (or paragraphs) fit the time the window accepts without asking
     * @param firstMinutes their estimate
     */
    record LongJob(long minutes, boolean rough, int units, boolean paged, int firstUnits, long firstMinutes) {
    }

    /** What is happening: e.g. stage READING with 41 of 300 pages, or SUMMARISING part 3 of 12. */
    record Progress(State stage, long done, long total) {
    }

    /**
     * @param citations    where the sentences of the summary come from: page ranges of a PDF or paragraphs of a DOCX
     * @param limitReached present when the document had more text than Hearth takes from one file, so the
     *                     summary covers only its beginning
     */
    record Result(String text, Language language, int pages, List<Locator> citations, Optional<TextLimitReached> limitReached) {

        /** A summary of a document that was read whole (and one kept from before: the note is not stored). */
        public Result(String text, Language language, int pages, List<Locator> citations) {
            this(text, language, pages, citations, Optional.empty());
        }
    }

    /** Why a job failed, for the UI to word; {@code fileName} is always filled in. */
    record Failure(Reason reason, String fileName, String detail) {
        public enum Reason {
            PASSWORD_REQUIRED, WRONG_PASSWORD, NO_TEXT, UNSUPPORTED_TYPE, DAMAGED, TOO_LARGE, TOO_SLOW,
            NO_MODEL, MODEL_FAILED, OTHER
        }
    }

    /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
    interface Listener {
        void state(State state);

        void progress(Progress progress);

        /** The summary would take long: the job waits in {@link State#AWAITING_CHOICE} for {@link SummaryJob#proceed}. */
        default void longJob(LongJob estimate) {
        }

        /** The summary may leave: the job waits in {@link State#AWAITING_SEND} for {@link SummaryJob#send()} or a cancel. */
        default void preview(Preview preview) {
        }

        /** The job now runs on this server (the target's name), until it ends. */
        default void routedTo(String target) {
        }

        /** While summarising, after each step: the time still needed, from the pace so far on this machine. */
        default void remaining(Duration left) {
        }

        /** A piece of the final summary as the model writes it. */
        void text(String piece);

        /**
         * The text streamed so far is void: the answer was cut off and is being written again,
         * shorter. The pieces after this call make up the summary.
         */
        default void textDiscarded() {
        }

        /**
         * The summary, or after a cancel the text written so far, is kept for the next start under this id; comes
         * just before {@code done} or {@code cancelled}, and not at all when there is nothing to keep or keeping failed.
         */
        default void stored(long id) {
        }

        void done(Result result);

        void failed(Failure failure);

        void cancelled();
    }
}
