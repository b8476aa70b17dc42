package org.hearth.assistant.engine;

/**
 * What one completion, or a series of them, cost.
 *
 * @param promptTokens        tokens of the prompts as the model saw them, system prompt included
 * @param promptTokensDecoded prompt tokens actually computed: a restored system prompt is not,
 *                            a series' one decode of it is
 * @param generatedTokens     tokens of the answers
 * @param prefillNanos        time spent on prompts
 * @param generateNanos       time spent generating
 * @param modelCalls          calls into the model (local: decodes, each carrying every running
 *                            request's tokens; remote: HTTP requests)
 */
public record Usage(long promptTokens, long promptTokensDecoded, long generatedTokens, long prefillNanos,
                    long generateNanos, long modelCalls) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, promptTokensDecoded + other.promptTokensDecoded,
                generatedTokens + other.generatedTokens, prefillNanos + other.prefillNanos,
                generateNanos + other.generateNanos, modelCalls + other.modelCalls);
    }

    public double promptTokensPerSecond() {
        return prefillNanos == 0 ? 0 : promptTokensDecoded * 1e9 / prefillNanos;
    }

    public double generatedTokensPerSecond() {
        return generateNanos == 0 ? 0 : generatedTokens * 1e9 / generateNanos;
    }
}
