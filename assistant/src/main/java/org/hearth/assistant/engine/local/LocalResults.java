package org.hearth.assistant.engine.local;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.llama.ContextFullException;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.StopReason;

/** Translates the binding's results and failures into the engine's terms at the engine's edge. */
final class LocalResults {

    private LocalResults() {
    }

    static FinishReason finishReason(StopReason stop) {
        return switch (stop) {
            case END_OF_GENERATION -> FinishReason.END;
            case MAX_TOKENS -> FinishReason.MAX_TOKENS;
            case CONTEXT_FULL -> FinishReason.CONTEXT_FULL;
            case CANCELLED -> FinishReason.CANCELLED;
        };
    }

    /**
     * @param promptTokens the whole prompt's tokens, a restored prefix included
     * @param batchSize    tokens one decode carries, to count the prompt's decodes
     */
    static Completion completion(GenerationResult result, int promptTokens, int batchSize) {
        int generated = result.tokens().length;
        // the generator decodes every generated token but one that fills the context
        long generateDecodes = result.stopReason() == StopReason.CONTEXT_FULL ? generated - 1 : generated;
        long modelCalls = Math.ceilDiv(result.promptTokens(), batchSize) + Math.max(0, generateDecodes);
        Usage usage = new Usage(promptTokens, result.promptTokens(), generated, result.prefillNanos(),
                result.generateNanos(), modelCalls);
        return new Completion(result.text(), finishReason(result.stopReason()), usage);
    }

    static Completion cancelled(int promptTokens) {
        return new Completion("", FinishReason.CANCELLED, new Usage(promptTokens, 0, 0, 0, 0, 0));
    }

    /** Runs {@code work}, turning the binding's exceptions into the engine's; cancellation passes through. */
    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (CancellationException e) {
            throw e;
        } catch (ContextFullException e) {
            throw new PromptTooLongException(e.getMessage(), e);
        } catch (LlamaException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    static void translated(Runnable work) {
        translated(() -> {
            work.run();
            return null;
        });
    }
}
