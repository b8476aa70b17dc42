package org.hearth.ui.documents;

import javafx.scene.control.Label;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.SummaryJob.State;

/** Colour means state: success when done, danger when failed, muted while waiting, working or cancelled. */
final class StateTone {

    private StateTone() {
    }

    static void apply(Label label, State state) {
        Tone tone = switch (state) {
            case DONE -> Tone.SUCCESS;
            case FAILED -> Tone.DANGER;
            default -> Tone.NEUTRAL;
        };
        tone.applyTo(label);
    }
}
