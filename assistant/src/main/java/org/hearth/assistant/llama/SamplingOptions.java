package org.hearth.assistant.llama;

import java.util.Optional;

/**
 * How the next token is chosen.
 *
 * @param temperature   0 picks the most likely token (greedy); higher is more varied
 * @param topK          keep the k most likely tokens (0 = off)
 * @param topP          keep the smallest set whose probability reaches p (1 = off)
 * @param minP          drop tokens less likely than minP × the best one (0 = off)
 * @param repeatPenalty divide the logits of recently seen tokens by this (1 = off)
 * @param repeatLastN   how many recent tokens the penalty looks at
 * @param seed          random seed; the same seed, prompt and model give the same tokens
 * @param grammar       a GBNF grammar the output must follow (root rule {@code root})
 */
public record SamplingOptions(
        float temperature, int topK, float topP, float minP,
        float repeatPenalty, int repeatLastN, int seed, Optional<String> grammar) {

    /** Qwen3.5's recommended non-thinking settings, with a fixed seed. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(0.7f, 20, 0.8f, 0.0f, 1.0f, 64, 42, Optional.empty());
    }

    /** Always the most likely token: for tests and for extraction tasks. */
    public static SamplingOptions greedy() {
        return new SamplingOptions(0.0f, 0, 1.0f, 0.0f, 1.0f, 64, 0, Optional.empty());
    }

    public SamplingOptions withSeed(int newSeed) {
        return new SamplingOptions(temperature, topK, topP, minP, repeatPenalty, repeatLastN, newSeed, grammar);
    }

    public SamplingOptions withTemperature(float newTemperature) {
        return new SamplingOptions(newTemperature, topK, topP, minP, repeatPenalty, repeatLastN, seed, grammar);
    }

    public SamplingOptions withRepeatPenalty(float penalty, int lastN) {
        return new SamplingOptions(temperature, topK, topP, minP, penalty, lastN, seed, grammar);
    }

    public SamplingOptions withGrammar(String gbnf) {
        return new SamplingOptions(temperature, topK, topP, minP, repeatPenalty, repeatLastN, seed, Optional.of(gbnf));
    }
}
