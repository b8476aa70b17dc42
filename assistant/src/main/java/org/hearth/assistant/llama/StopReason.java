package org.hearth.assistant.llama;

/** Why a generation ended. */
public enum StopReason {
    /** The model ended its answer. */
    END_OF_GENERATION,
    /** The token limit was reached; the answer may be cut off. */
    MAX_TOKENS,
    /** The context has no room for another token. */
    CONTEXT_FULL,
    /** The user or the caller cancelled. */
    CANCELLED
}
