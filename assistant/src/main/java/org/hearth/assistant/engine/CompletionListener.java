package org.hearth.assistant.engine;

/** Hears the requests of {@link PromptSeries#completeAll} finish, in the order they finish. */
@FunctionalInterface
public interface CompletionListener {

    /** @param index the request's position in the list given to completeAll */
    void onCompletion(int index, Completion completion);

    /** After each finished request, and once with 0 before the first. */
    default void onProgress(int done, int total) {
    }
}
