package org.hearth.assistant.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.ChatMessage;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;

/**
 * One chat-style completion: system and user message through the model's chat template, a
 * context just large enough for prompt and answer, optional grammar, streamed text.
 */
public final class Completion {

    private static final int CONTEXT_MARGIN = 16;

    private Completion() {
    }

    /**
     * @param system    an optional system message (null for none)
     * @param maxTokens the most tokens the answer may have
     * @param base      threads, batch size and the upper bound for the context length
     */
    public static GenerationResult run(LlamaModel model, String system, String prompt, int maxTokens,
                                       SamplingOptions sampling, ContextOptions base,
                                       Generator.TextListener listener, BooleanSupplier cancelled) {
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(prompt));
        int[] tokens = ChatPrompt.tokenize(model, messages, true);
        int needed = tokens.length + maxTokens + CONTEXT_MARGIN;
        int contextLength = Math.min(Math.max(needed, 256), Math.max(base.contextLength(), 256));
        if (model.info().trainedContextLength() > 0) {
            contextLength = Math.min(contextLength, model.info().trainedContextLength());
        }
        ContextOptions options = base.withContextLength(contextLength).withSequences(1);
        try (LlamaContext context = model.newContext(options);
             Generator generator = new Generator(context);
             Sampler sampler = Sampler.create(model, sampling)) {
            return generator.generate(tokens, sampler, maxTokens, listener, cancelled);
        }
    }
}
