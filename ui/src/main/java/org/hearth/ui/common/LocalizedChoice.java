package org.hearth.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/**
 * A choice box of a few fixed values, worded in the current language and re-worded when the language changes. For the
 * views the window opens with: a combo box builds its popup's list and cells when it is first styled, which cost the
 * first frame about 40 ms for each, while a choice box builds its menu when it is opened (BENCHMARKS.md, "Window
 * start-up").
 */
public final class LocalizedChoice {

    private LocalizedChoice() {
    }

    public static <T> ChoiceBox<T> of(Localization localization, List<T> values, T initial, Function<T, String> wording) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setConverter(converter(wording));
        box.setValue(initial);
        // A new converter makes the box word its label and menu again. The views that hold such a box live as long as
        // the window, and so as long as the language property, so the listener need not be weak.
        localization.localeProperty().addListener(obs -> box.setConverter(converter(wording)));
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> wording) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : wording.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("a choice is picked, never typed");
            }
        };
    }
}
