package org.hearth.ui.documents;

import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.LongJob;
import org.hearth.ui.service.SummaryJob.Progress;
import org.hearth.ui.service.SummaryJob.State;

/** Which sentence describes a job's state or failure; the bundles hold the words. */
final class DocumentWording {

    private static final EnumSet<Failure.Reason> PASSWORD_REASONS =
            EnumSet.of(Failure.Reason.PASSWORD_REQUIRED, Failure.Reason.WRONG_PASSWORD);

    private DocumentWording() {
    }

    /** The one line under a file's name, e.g. "Reading page 41 of 300". */
    static Message status(State state, Progress progress, Failure failure) {
        boolean counted = progress != null && progress.total() > 0;
        return switch (state) {
            case QUEUED -> Message.of("documents.state.queued");
            case READING -> counted
                    ? Message.of("documents.state.reading", progress.done(), progress.total())
                    : Message.of("documents.state.readingStarted");
            case WAITING_FOR_MODEL -> Message.of("documents.state.waitingForModel");
            case AWAITING_CHOICE -> Message.of("documents.state.awaitingChoice");
            case AWAITING_SEND -> Message.of("documents.state.awaitingSend");
            case SUMMARISING -> counted
                    ? Message.of("documents.state.summarising", partInHand(progress), progress.total())
                    : Message.of("documents.state.summarisingStarted");
            case DONE -> Message.of("documents.state.done");
            case FAILED -> failure == null
                    ? Message.of("documents.state.failed")
                    : Message.of("documents.failureShort." + failure.reason().name());
            case CANCELLED -> Message.of("documents.state.cancelled");
        };
    }

    /** The service counts parts finished; people count the part being worked on, so the first reads "1 of n". */
    private static long partInHand(Progress progress) {
        return Math.min(progress.done() + 1, progress.total());
    }

    /** "about 12 min left": whole minutes rounded up, so the last minute never reads "0". */
    static Message remaining(Duration left) {
        return Message.of("documents.remaining", Math.max(1, Math.ceilDiv(left.toSeconds(), 60)));
    }

    /** The question before a long summary, e.g. "Summarising all 300 pages takes about 40 min on this machine." */
    static Message longJobQuestion(LongJob job) {
        return Message.of(job.paged() ? "documents.longJob.question" : "documents.longJob.questionParagraphs", job.units(), job.minutes());
    }

    static Message longJobAll(LongJob job) {
        return Message.of("documents.longJob.all", job.minutes());
    }

    static Message longJobFirst(LongJob job) {
        return Message.of(job.paged() ? "documents.longJob.first" : "documents.longJob.firstParagraphs", job.firstUnits(), job.firstMinutes());
    }

    /** The full, specific sentence, naming the file and what to do. */
    static Message failure(Failure failure) {
        return Message.of("documents.failure." + failure.reason().name(), failure.fileName());
    }

    /** The line under a kept summary's name: how it ended, and when, so it is not taken for one written just now. */
    static Message kept(boolean partial, Instant created) {
        return Message.of(partial ? "documents.state.cancelledOn" : "documents.state.doneOn", Date.from(created));
    }

    /** The file changed or is gone since its kept summary was written; null when it is as it was. */
    static Message source(StoredSummary.Source source, Path file) {
        return switch (source) {
            case UNCHANGED -> null;
            case CHANGED, MISSING -> Message.of("documents.source." + source.name(), file.getFileName().toString(), file.toString());
        };
    }

    static boolean asksForPassword(Failure.Reason reason) {
        return PASSWORD_REASONS.contains(reason);
    }
}
