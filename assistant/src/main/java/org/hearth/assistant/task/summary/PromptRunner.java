package org.hearth.assistant.task.summary;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.ContextFullException;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.task.SystemPrefix;

/**
 * Runs a job's prompts in one context. The system prompt is decoded once and its state saved;
 * every step restores that state and decodes only its own user message, so a 300-part job pays
 * for the instructions once, not 300 times.
 */
final class PromptRunner implements AutoCloseable {

    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 8;

    private final LlamaModel model;
    private final LlamaContext context;
    private final Generator generator;
    private final SystemPrefix prefix;
    private final BooleanSupplier cancelled;
    private long decoded;
    private int longestPrompt;

    PromptRunner(LlamaModel model, ContextOptions options, String system, BooleanSupplier cancelled) {
        this.model = model;
        this.cancelled = cancelled;
        int trained = model.info().trainedContextLength();
        int length = trained > 0 ? Math.min(options.contextLength(), trained) : options.contextLength();
        this.context = model.newContext(options.withContextLength(length).withSequences(1));
        try {
            this.generator = new Generator(context);
            this.prefix = SystemPrefix.compute(model, context, generator, 0, system, cancelled);
            this.decoded = prefix.tokenCount();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    int contextLength() {
        return context.contextLength();
    }

    int systemTokens() {
        return prefix.tokenCount();
    }

    /** Tokens of the whole prompt for this user message, system prompt and template included. */
    int promptTokens(String userMessage) {
        return prefix.conversation(model, userMessage).length;
    }

    int tokens(String text) {
        return model.tokenize(text, false, false).length;
    }

    /**
     * Generates an answer under a grammar.
     *
     * @return the result and the prompt's size; never a cancelled result
     * @throws CancellationException when cancelled before or during the step
     */
    Answer answer(String userMessage, String grammar, int maxTokens, Generator.TextListener listener) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        int[] prompt = prefix.conversation(model, userMessage);
        if (prompt.length + maxTokens + MARGIN > contextLength()) {
            throw new ContextFullException("A summary step's prompt of " + prompt.length + " tokens and its answer of up to "
                    + maxTokens + " do not fit the context of " + contextLength() + " tokens");
        }
        Generator.Prefill prefill;
        Optional<int[]> remainder = prefix.remainder(prompt);
        if (remainder.isPresent()) {
            prefix.restore(context, 0);
            prefill = generator.prefill(0, prefix.tokenCount(), remainder.get(), cancelled);
        } else {
            // a template that renders the system turn differently once a user turn follows: no shared prefix
            context.removeSequence(0);
            prefill = generator.prefill(0, 0, prompt, cancelled);
        }
        decoded += prefill.tokenCount();
        longestPrompt = Math.max(longestPrompt, prompt.length);
        try (Sampler sampler = Sampler.create(model, SamplingOptions.defaults().withGrammar(grammar))) {
            GenerationResult result = generator.continueFrom(prefill, sampler, maxTokens, listener, cancelled);
            if (result.stopReason() == StopReason.CANCELLED) {
                throw new CancellationException("Cancelled");
            }
            return new Answer(result, prompt.length, prefill.tokenCount());
        }
    }

    record Answer(GenerationResult result, int promptTokens, int decodedTokens) {
    }

    long decodedTokens() {
        return decoded;
    }

    int longestPrompt() {
        return longestPrompt;
    }

    @Override
    public void close() {
        try {
            generator.close();
        } finally {
            context.close();
        }
    }
}
