package org.hearth.assistant.engine;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a task sees of a model: how large a request may be, how to count and cut text in the
 * model's tokens, and how to run prompts. Implementations are thread-safe; each series and each
 * one-shot completion holds its own resources.
 */
public interface Engine {

    EngineCapabilities capabilities();

    /** Tokens of {@code text} as plain message text (no template, no control tokens). */
    int count(String text);

    /**
     * Tokens of a whole conversation as the model's chat template renders it.
     *
     * @param assistantStart whether the opening of the assistant's answer is included
     */
    int count(List<Message> conversation, boolean assistantStart);

    /** {@code text} if it fits {@code budget} tokens, else its beginning followed by {@code marker}, in the budget. */
    String cut(String text, int budget, String marker);

    /**
     * Opens a run of requests that share one system prompt. A local engine decodes the system
     * prompt once here; the caller closes the series when done.
     *
     * @param parallel  how many requests {@link PromptSeries#completeAll} may run at once
     *                  (at most {@link EngineCapabilities#parallelSequences()})
     * @param cancelled checked while the system prompt is decoded and during every request
     * @throws java.util.concurrent.CancellationException when cancelled while opening
     */
    PromptSeries series(String system, int parallel, BooleanSupplier cancelled);

    /**
     * One request on its own, without keeping anything for a next one.
     *
     * @param system an optional system message (null or blank for none)
     * @return the completion; {@link FinishReason#CANCELLED} when cancelled
     */
    Completion complete(String system, EngineRequest request, TextListener listener, BooleanSupplier cancelled);
}
