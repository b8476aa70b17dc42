package org.hearth.ui.inbox;

import org.hearth.ui.common.Message;

/** A line about the last thing that happened (a run ended, a label was saved, an export failed) and its tone. */
public record Notice(Message message, Tone tone) {

    /** Colour means state: success, danger, or neutral for what is neither. */
    public enum Tone { NEUTRAL, SUCCESS, DANGER }

    static Notice neutral(Message message) {
        return new Notice(message, Tone.NEUTRAL);
    }

    static Notice success(Message message) {
        return new Notice(message, Tone.SUCCESS);
    }

    static Notice danger(Message message) {
        return new Notice(message, Tone.DANGER);
    }
}
