package org.hearth.assistant.engine;

/**
 * What an engine offers, so a task can plan its prompts and still run where a feature is missing.
 *
 * @param contextLength     tokens one request may hold: system prompt, user message and answer
 * @param prefixReuse       whether a series pays for its system prompt once rather than per request
 * @param parallelSequences how many requests can run at once; 1 means one after another
 * @param embeddings        whether the engine can embed text
 */
public record EngineCapabilities(int contextLength, boolean prefixReuse, int parallelSequences, boolean embeddings) {

    public EngineCapabilities {
        if (contextLength < 1 || parallelSequences < 1) {
            throw new IllegalArgumentException("context length and parallel sequences must be positive");
        }
    }
}
