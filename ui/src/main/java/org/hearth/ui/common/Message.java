package org.hearth.ui.common;

import java.util.List;

/**
 * A text to show, as a bundle key and its arguments. View-models hold these instead of finished
 * strings so that a language switch re-words everything that is already on screen.
 */
public record Message(String key, List<Object> args) {

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
