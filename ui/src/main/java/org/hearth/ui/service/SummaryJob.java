package org.hearth.ui.service;

import java.util.List;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/** One file's way from dropped to summarised. */
public interface SummaryJob {

    /** Stops the job as soon as possible; the listener then hears {@link State#CANCELLED}. */
    void cancel();

    enum State { QUEUED, READING, WAITING_FOR_MODEL, SUMMARISING, DONE, FAILED, CANCELLED }

    /** What is happening: e.g. stage READING with 41 of 300 pages, or SUMMARISING part 3 of 12. */
    record Progress(State stage, long done, long total) {
    }

    /** @param citations where the sentences of the summary come from: page ranges of a PDF or paragraphs of a DOCX */
    record Result(String text, Language language, int pages, List<Locator> citations) {
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

        /** A piece of the final summary as the model writes it. */
        void text(String piece);

        /**
         * The text streamed so far is void: the answer was cut off and is being written again,
         * shorter. The pieces after this call make up the summary.
         */
        default void textDiscarded() {
        }

        void done(Result result);

        void failed(Failure failure);

        void cancelled();
    }
}
