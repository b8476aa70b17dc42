package org.hearth.assistant.engine;

/** Receives an answer's text as it forms whole characters. Called on the generating thread. */
@FunctionalInterface
public interface TextListener {

    void onText(String piece);

    static TextListener ignore() {
        return piece -> { };
    }
}
