package org.hearth.assistant.llama;

/**
 * How to size a context.
 *
 * @param contextLength tokens the context holds across all its sequences
 * @param batchSize     the most tokens one {@link LlamaContext#decode} may carry
 * @param threads       threads for generating one token at a time
 * @param batchThreads  threads for prompt processing
 * @param sequences     independent sequences (parallel jobs, saved prefixes) the context can hold
 * @param embeddings    compute pooled embeddings instead of next-token logits
 */
public record ContextOptions(int contextLength, int batchSize, int threads, int batchThreads, int sequences, boolean embeddings) {

    public ContextOptions {
        if (contextLength < 16) {
            throw new IllegalArgumentException("context length must be at least 16, was " + contextLength);
        }
        if (batchSize < 1 || threads < 1 || batchThreads < 1 || sequences < 1) {
            throw new IllegalArgumentException("batch size, threads and sequences must be positive");
        }
    }

    /** A 4096-token single-sequence context using every core. */
    public static ContextOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ContextOptions(4096, 512, cores, cores, 1, false);
    }

    public ContextOptions withContextLength(int tokens) {
        return new ContextOptions(tokens, batchSize, threads, batchThreads, sequences, embeddings);
    }

    public ContextOptions withThreads(int count) {
        return new ContextOptions(contextLength, batchSize, count, count, sequences, embeddings);
    }

    public ContextOptions withSequences(int count) {
        return new ContextOptions(contextLength, batchSize, threads, batchThreads, count, embeddings);
    }

    public ContextOptions withBatchSize(int tokens) {
        return new ContextOptions(contextLength, tokens, threads, batchThreads, sequences, embeddings);
    }

    public ContextOptions forEmbeddings() {
        return new ContextOptions(contextLength, batchSize, threads, batchThreads, sequences, true);
    }
}
