package org.hearth.assistant.engine;

import java.util.List;

/**
 * Requests that share one system prompt. Not thread-safe: one request or one completeAll at a time.
 */
public interface PromptSeries extends AutoCloseable {

    /**
     * One request, its text streamed.
     *
     * @return the completion; {@link FinishReason#CANCELLED} when cancelled before or during it
     * @throws PromptTooLongException when the prompt and its answer allowance do not fit a request
     */
    Completion complete(EngineRequest request, TextListener listener);

    /**
     * Several requests, as many at once as the series was opened for; each finished one is handed
     * to the listener at once. When cancelled it returns early: requests not finished are not reported.
     */
    void completeAll(List<EngineRequest> requests, CompletionListener listener);

    /** Everything this series cost so far, its system prompt included. */
    Usage usage();

    @Override
    void close();
}
