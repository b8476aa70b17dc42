package org.hearth.ui.documents;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import org.hearth.ui.service.SummaryJob.State;

/** Colour means state: success when done, danger when failed, muted while waiting, working or cancelled. */
final class StateTone {

    private StateTone() {
    }

    static void apply(Label label, State state) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        label.getStyleClass().add(switch (state) {
            case DONE -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            default -> Styles.TEXT_MUTED;
        });
    }
}
