package org.hearth.assistant.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;

/**
 * One chat-style completion on its own: system and user message through the model's chat
 * template, a context just large enough for prompt and answer, optional grammar, streamed text.
 */
final class OneShot {

    private static final int CONTEXT_MARGIN = 16;

    private OneShot() {
    }

    /**
     * @param system an optional system message (null or blank for none)
     * @param base   threads, batch size and the upper bound for the context length
     */
    static Completion run(LlamaModel model, ContextOptions base, String system, String user, int maxTokens,
                          SamplingOptions sampling, TextListener listener, BooleanSupplier cancelled) {
        List<Message> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(Message.system(system));
        }
        messages.add(Message.user(user));
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
            GenerationResult result = generator.generate(tokens, sampler, maxTokens, listener::onText, cancelled);
            return LocalResults.completion(result, tokens.length, options.batchSize());
        }
    }
}
