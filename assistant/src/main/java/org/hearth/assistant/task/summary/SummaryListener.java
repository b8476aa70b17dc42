package org.hearth.assistant.task.summary;

/**
 * Follows a summary as it is made. Called on the summarising thread.
 *
 * <p>Text contract: the pieces passed to {@link #text} since the last {@link #textDiscarded()}
 * (or since the start) concatenate to exactly {@link Summary#text()}. Only the final answer is
 * streamed; the map and reduce steps before it report progress only.
 */
public interface SummaryListener {

    /**
     * @param stepsDone  map and reduce steps finished
     * @param stepsTotal all steps as far as known: exact for the map steps, an upper estimate for
     *                   the reduce steps that is refined after each level (never below stepsDone)
     */
    void progress(int stepsDone, int stepsTotal);

    /** The next piece of the final summary's text, as the model writes it. */
    void text(String piece);

    /**
     * The final answer was cut off and is being written again with a smaller allowance: forget
     * the text received so far. Rare; a model normally ends well within its allowance.
     */
    default void textDiscarded() {
    }

    static SummaryListener none() {
        return new SummaryListener() {
            @Override
            public void progress(int stepsDone, int stepsTotal) {
            }

            @Override
            public void text(String piece) {
            }
        };
    }
}
