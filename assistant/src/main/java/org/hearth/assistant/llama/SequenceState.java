package org.hearth.assistant.llama;

/**
 * A copy of one sequence's memory (attention KV cache and recurrent state) after {@code tokenCount}
 * tokens, taken with {@link LlamaContext#saveSequence}. Restoring it into a sequence continues from
 * that point without recomputing the prefix, e.g. the same system prompt for 200 mails.
 * Immutable; may be restored into several contexts of the same model.
 */
public record SequenceState(byte[] data, int tokenCount) {

    public long sizeBytes() {
        return data.length;
    }
}
