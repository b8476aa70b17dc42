package org.hearth.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Small controls the pages build alike. */
public final class Controls {

    private Controls() {
    }

    /** A label worded by {@code key} in the current language. */
    public static Label label(Localization localization, String key) {
        Label label = new Label();
        label.textProperty().bind(localization.text(key));
        return label;
    }

    /** Sets the button off as the thing to do next while {@code accent} holds. */
    public static void accentWhile(Button button, ObservableBooleanValue accent) {
        applyAccent(button, accent.get());
        accent.addListener((obs, old, now) -> applyAccent(button, now));
    }

    private static void applyAccent(Button button, boolean accent) {
        button.getStyleClass().remove(Styles.ACCENT);
        if (accent) {
            button.getStyleClass().add(Styles.ACCENT);
        }
    }
}
