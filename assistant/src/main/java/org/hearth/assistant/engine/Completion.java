package org.hearth.assistant.engine;

import java.util.Objects;

/** An answer as the engine wrote it, why it ended and what it cost. */
public record Completion(String text, FinishReason finishReason, Usage usage) {

    public Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
    }

    public boolean cancelled() {
        return finishReason == FinishReason.CANCELLED;
    }
}
