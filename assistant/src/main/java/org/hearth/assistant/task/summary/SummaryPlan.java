package org.hearth.assistant.task.summary;

/**
 * What a summary will cost before it runs: the plan its job starts with, for estimating its time.
 *
 * @param parts           map parts the document splits into (1: the whole text fits one prompt)
 * @param steps           model calls planned: the map steps, the reduce steps as the job first sizes them, the final one;
 *                        equal to the step total the job first reports
 * @param promptTokens    tokens to decode over the job: the shared system prompt once, every step's own prompt, reduce
 *                        inputs counted at their full answer allowance (an upper estimate)
 * @param answerAllowance tokens the steps may generate at most, together; answers usually end well before
 */
public record SummaryPlan(int parts, int steps, long promptTokens, long answerAllowance) {

    public SummaryPlan {
        if (parts < 1 || steps < parts || promptTokens < 1 || answerAllowance < 1) {
            throw new IllegalArgumentException("not a plan: " + parts + " parts, " + steps + " steps, " + promptTokens
                    + " prompt tokens, " + answerAllowance + " answer tokens");
        }
    }
}
