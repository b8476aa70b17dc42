package org.hearth.assistant.task.answer;

/**
 * Follows an answer as it is written. Called on the answering thread.
 *
 * <p>Text contract: the pieces passed to {@link #text} since the last {@link #textDiscarded()}
 * (or since the start) concatenate to exactly {@link Answer#text()}.
 */
@FunctionalInterface
public interface AnswerListener {

    /** The next piece of the answer's text, as the model writes it. */
    void text(String piece);

    /**
     * The answer was cut off and is being written again with a smaller allowance: forget the text
     * received so far. Rare; a model normally ends well within its allowance.
     */
    default void textDiscarded() {
    }

    static AnswerListener none() {
        return piece -> { };
    }
}
