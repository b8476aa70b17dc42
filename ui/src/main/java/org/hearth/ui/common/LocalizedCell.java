package org.hearth.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A combo box cell worded in the current language, re-worded when the language changes. */
public final class LocalizedCell<T> extends ListCell<T> {

    private final Function<T, String> wording;
    private final InvalidationListener reword = obs -> reword();

    public LocalizedCell(Localization localization, Function<T, String> wording) {
        this.wording = wording;
        // Weak, because the popup's cells come and go while the language property lives as long as the window.
        localization.localeProperty().addListener(new WeakInvalidationListener(reword));
    }

    /** A combo box of fixed values, worded by {@code wording} in the current language. */
    public static <T> ComboBox<T> comboBox(Localization localization, List<T> values, T initial, Function<T, String> wording) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setValue(initial);
        box.setCellFactory(list -> new LocalizedCell<>(localization, wording));
        box.setButtonCell(new LocalizedCell<>(localization, wording));
        return box;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        reword();
    }

    private void reword() {
        setText(isEmpty() || getItem() == null ? null : wording.apply(getItem()));
    }
}
