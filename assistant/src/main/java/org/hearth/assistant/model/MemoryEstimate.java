package org.hearth.assistant.model;

/**
 * Memory a model needs while it runs, by part.
 *
 * @param weightsBytes        the weights, as big as the file (llama.cpp maps the file)
 * @param kvCacheBytes        the attention layers' key-value cache for the whole context
 * @param recurrentStateBytes the fixed state of recurrent (DeltaNet) layers
 * @param computeBufferBytes  llama.cpp's scratch memory for one batch
 * @param contextTokens       the context length the estimate is for
 */
public record MemoryEstimate(long weightsBytes, long kvCacheBytes, long recurrentStateBytes, long computeBufferBytes, int contextTokens) {

    public long totalBytes() {
        return weightsBytes + kvCacheBytes + recurrentStateBytes + computeBufferBytes;
    }
}
