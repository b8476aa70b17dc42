package org.hearth.ui.documents;

import java.util.EnumSet;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.SummaryJob.Failure;
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

    /** The full, specific sentence, naming the file and what to do. */
    static Message failure(Failure failure) {
        return Message.of("documents.failure." + failure.reason().name(), failure.fileName());
    }

    static boolean asksForPassword(Failure.Reason reason) {
        return PASSWORD_REASONS.contains(reason);
    }
}
