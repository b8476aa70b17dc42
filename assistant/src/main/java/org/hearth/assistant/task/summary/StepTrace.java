package org.hearth.assistant.task.summary;

import org.hearth.domain.Locator;

/**
 * Observes the model calls of a job, one record per attempt: for benchmarks and tests that need
 * to see what was decoded where.
 */
interface StepTrace {

    /**
     * @param range          the locators the step's input covers
     * @param promptTokens   the whole prompt, system prompt included
     * @param decodedTokens  the tokens actually decoded for it (the system prompt's state is restored)
     */
    record Step(Phase phase, int level, Locator range, int promptTokens, int decodedTokens) {
    }

    /** The shared system prompt was decoded; {@code tokens} long. */
    void systemPrompt(int tokens);

    void step(Step step);

    static StepTrace none() {
        return new StepTrace() {
            @Override
            public void systemPrompt(int tokens) {
            }

            @Override
            public void step(Step step) {
            }
        };
    }
}
