package org.hearth.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Text the model writes piece by piece, shown as it grows; change it on the JavaFX thread only. */
public final class StreamedText {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    void append(String piece) {
        text.set(text.get() + piece);
    }

    public void clear() {
        text.set("");
    }

    /** The service's final text, which replaces what streamed in. */
    public void replace(String whole) {
        text.set(whole);
    }
}
