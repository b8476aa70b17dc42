package org.hearth.assistant.llama;

/**
 * What a generation produced and what it cost.
 *
 * @param promptTokens   tokens decoded before generating (not counting a restored prefix)
 * @param prefillNanos   time spent decoding the prompt
 * @param generateNanos  time spent sampling and decoding the generated tokens
 */
public record GenerationResult(String text, int[] tokens, int promptTokens, StopReason stopReason,
                               long prefillNanos, long generateNanos) {

    public double promptTokensPerSecond() {
        return prefillNanos == 0 ? 0 : promptTokens * 1e9 / prefillNanos;
    }

    public double generatedTokensPerSecond() {
        return generateNanos == 0 ? 0 : tokens.length * 1e9 / generateNanos;
    }
}
