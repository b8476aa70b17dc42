package org.hearth.assistant.engine;

/**
 * How the next token is chosen, in terms every engine understands.
 *
 * @param temperature   0 picks the most likely token (greedy); higher is more varied
 * @param topK          keep the k most likely tokens (0 = off)
 * @param topP          keep the smallest set whose probability reaches p (1 = off)
 * @param minP          drop tokens less likely than minP × the best one (0 = off)
 * @param repeatPenalty divide the logits of recently seen tokens by this (1 = off)
 * @param seed          random seed; the same seed, prompt and model give the same answer
 */
public record Sampling(float temperature, int topK, float topP, float minP, float repeatPenalty, int seed) {

    /** Qwen3.5's recommended non-thinking settings, with a fixed seed. */
    public static Sampling defaults() {
        return new Sampling(0.7f, 20, 0.8f, 0.0f, 1.0f, 42);
    }

    /** Always the most likely token: for tests and for extraction tasks. */
    public static Sampling greedy() {
        return new Sampling(0.0f, 0, 1.0f, 0.0f, 1.0f, 0);
    }

    public Sampling withSeed(int newSeed) {
        return new Sampling(temperature, topK, topP, minP, repeatPenalty, newSeed);
    }

    public Sampling withTemperature(float newTemperature) {
        return new Sampling(newTemperature, topK, topP, minP, repeatPenalty, seed);
    }
}
