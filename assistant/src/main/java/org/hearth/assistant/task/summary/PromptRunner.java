package org.hearth.assistant.task.summary;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.ChatMessage;
import org.hearth.assistant.llama.ContextFullException;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.SequenceState;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.task.ChatPrompt;

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
    private final String system;
    private final int[] systemTokens;
    private final SequenceState systemState;
    private final BooleanSupplier cancelled;
    private long decoded;
    private int longestPrompt;

    PromptRunner(LlamaModel model, ContextOptions options, String system, BooleanSupplier cancelled) {
        this.model = model;
        this.system = system;
        this.cancelled = cancelled;
        int trained = model.info().trainedContextLength();
        int length = trained > 0 ? Math.min(options.contextLength(), trained) : options.contextLength();
        this.context = model.newContext(options.withContextLength(length).withSequences(1));
        try {
            this.generator = new Generator(context);
            this.systemTokens = ChatPrompt.tokenize(model, List.of(ChatMessage.system(system)), false);
            generator.prefill(0, 0, systemTokens, cancelled);
            this.systemState = context.saveSequence(0);
            this.decoded = systemTokens.length;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    int contextLength() {
        return context.contextLength();
    }

    int systemTokens() {
        return systemTokens.length;
    }

    /** Tokens of the whole prompt for this user message, system prompt and template included. */
    int promptTokens(String userMessage) {
        return conversation(userMessage).length;
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
        int[] prompt = conversation(userMessage);
        if (prompt.length + maxTokens + MARGIN > contextLength()) {
            throw new ContextFullException("A summary step's prompt of " + prompt.length + " tokens and its answer of up to "
                    + maxTokens + " do not fit the context of " + contextLength() + " tokens");
        }
        Generator.Prefill prefill;
        if (startsWith(prompt, systemTokens)) {
            context.restoreSequence(systemState, 0);
            prefill = generator.prefill(0, systemState.tokenCount(), Arrays.copyOfRange(prompt, systemTokens.length, prompt.length), cancelled);
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

    private int[] conversation(String userMessage) {
        return ChatPrompt.tokenize(model, List.of(ChatMessage.system(system), ChatMessage.user(userMessage)), true);
    }

    private static boolean startsWith(int[] tokens, int[] prefix) {
        return tokens.length > prefix.length && Arrays.equals(tokens, 0, prefix.length, prefix, 0, prefix.length);
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
