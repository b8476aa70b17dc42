package org.hearth.ui.common;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import javafx.scene.Node;

/** Colour means state (UX.md): success, warning, danger, or neutral (muted) for what is none of them. */
public enum Tone {
    NEUTRAL(Styles.TEXT_MUTED), SUCCESS(Styles.SUCCESS), WARNING(Styles.WARNING), DANGER(Styles.DANGER);

    private final String textStyle;

    Tone(String textStyle) {
        this.textStyle = textStyle;
    }

    /** Colours the node's text in this tone, in place of any tone it had. */
    public void applyTo(Node node) {
        clear(node);
        node.getStyleClass().add(textStyle);
    }

    /** Takes any tone off the node's text. */
    public static void clear(Node node) {
        node.getStyleClass().removeAll(Arrays.stream(values()).map(tone -> tone.textStyle).toList());
    }
}
