package org.hearth.ui.inbox;

import org.hearth.ui.common.Message;
import org.hearth.ui.common.Outcome;
import org.hearth.ui.common.Tone;

/** A line about the last thing that happened (a run ended, a label was saved, an export failed) and its tone. */
public record Notice(Message message, Tone tone) implements Outcome {

    static Notice neutral(Message message) {
        return new Notice(message, Tone.NEUTRAL);
    }

    static Notice success(Message message) {
        return new Notice(message, Tone.SUCCESS);
    }

    static Notice warning(Message message) {
        return new Notice(message, Tone.WARNING);
    }

    static Notice danger(Message message) {
        return new Notice(message, Tone.DANGER);
    }
}
