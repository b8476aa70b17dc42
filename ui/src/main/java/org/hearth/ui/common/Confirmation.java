package org.hearth.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Asks before something that cannot be undone; the buttons name what they do rather than saying OK. */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * Shows the question over {@code owner}'s window and waits for the answer.
     *
     * @param text the question, already worded
     * @return whether the user chose {@code confirmKey}; closing the dialog counts as keeping things as they are
     */
    public static boolean confirmed(Node owner, Localization localization, String titleKey, String text, String confirmKey,
            String keepKey) {
        ButtonType confirm = new ButtonType(localization.get(confirmKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(localization.get(keepKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, confirm, keep);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(localization.get(titleKey));
        alert.setHeaderText(null);
        return alert.showAndWait().orElse(keep) == confirm;
    }
}
