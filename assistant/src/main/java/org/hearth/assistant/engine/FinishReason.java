package org.hearth.assistant.engine;

/** Why a completion ended. */
public enum FinishReason {
    /** The model ended its answer. */
    END,
    /** The token limit was reached; the answer may be cut off. */
    MAX_TOKENS,
    /** The context had no room for another token. */
    CONTEXT_FULL,
    /** The caller cancelled. */
    CANCELLED
}
