package org.hearth.ui.service;

import org.hearth.ui.service.InboxService.MailItem;

/** Drafts a reply to a mail with the model, for the user to edit and send themselves; nothing is ever sent. */
public interface ReplyService {

    /**
     * Starts at once in the background; the listener hears the reply as it is written, then exactly one of done,
     * failed or cancelled.
     */
    ReplyJob draftReply(MailItem mail, ReplyJob.Listener listener);

    interface ReplyJob {

        /** Stops as soon as possible; the listener then hears {@code cancelled}. */
        void cancel();

        /** @param cutOff the model reached the reply's length limit: the text may end mid-sentence */
        record Reply(String text, boolean cutOff) {
        }

        /** Why a reply failed, for the UI to word. */
        record Failure(Reason reason, String detail) {
            public enum Reason { NO_MODEL, MODEL_FAILED, OTHER }
        }

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            /** The model is being loaded or is busy with another job. */
            void waitingForModel();

            /** A piece of the reply as the model writes it. */
            void text(String piece);

            /** The whole reply, in place of the pieces. */
            void done(Reply reply);

            void failed(Failure failure);

            void cancelled();
        }
    }
}
