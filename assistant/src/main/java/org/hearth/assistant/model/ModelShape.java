package org.hearth.assistant.model;

/**
 * The layer shapes that decide how much memory a model needs beyond its weights.
 *
 * <p>Qwen3.5 is a hybrid: only every fourth layer is full (gated) attention with a key-value cache that grows with the
 * context; the others are Gated DeltaNet layers whose recurrent state has a fixed size. A plain transformer has
 * {@code attentionLayers == layers} and no recurrent state.
 *
 * @param layers               all transformer blocks
 * @param attentionLayers      blocks with a key-value cache
 * @param kvHeads              key-value heads per attention layer
 * @param headDim              dimension of one attention head
 * @param trainedContextTokens the context length the model was trained for
 * @param recurrentHeads       value heads of a recurrent (linear attention) layer, 0 if there are none
 * @param recurrentHeadDim     key and value head dimension of a recurrent layer, 0 if there are none
 */
public record ModelShape(
        int layers,
        int attentionLayers,
        int kvHeads,
        int headDim,
        int trainedContextTokens,
        int recurrentHeads,
        int recurrentHeadDim) {

    /** llama.cpp keeps the key-value cache in f16 unless told otherwise. */
    private static final int KV_BYTES_PER_ELEMENT = 2;
    /** llama.cpp keeps the recurrent state in f32. */
    private static final int STATE_BYTES_PER_ELEMENT = 4;

    public ModelShape {
        if (layers < 1 || attentionLayers < 0 || attentionLayers > layers || kvHeads < 0 || headDim < 0
                || trainedContextTokens < 1 || recurrentHeads < 0 || recurrentHeadDim < 0) {
            throw new IllegalArgumentException("impossible model shape");
        }
    }

    /** A transformer where every layer is attention. */
    public static ModelShape transformer(int layers, int kvHeads, int headDim, int trainedContextTokens) {
        return new ModelShape(layers, layers, kvHeads, headDim, trainedContextTokens, 0, 0);
    }

    /** Bytes of key-value cache one token of context costs: a key and a value vector per attention layer. */
    public long kvCacheBytesPerToken() {
        return 2L * attentionLayers * kvHeads * headDim * KV_BYTES_PER_ELEMENT;
    }

    /**
     * Bytes of the fixed recurrent state of all recurrent layers: one key-by-value matrix per head. The short
     * convolution state next to it is a few hundred kilobytes and left out.
     */
    public long recurrentStateBytes() {
        long recurrentLayers = layers - attentionLayers;
        return recurrentLayers * recurrentHeads * (long) recurrentHeadDim * recurrentHeadDim * STATE_BYTES_PER_ELEMENT;
    }
}
