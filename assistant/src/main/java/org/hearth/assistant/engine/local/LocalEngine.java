package org.hearth.assistant.engine.local;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineCapabilities;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;

/**
 * The in-process llama.cpp model as an engine. Token counts are exact; the chat template is
 * applied so that only the template can produce control tokens ({@link ChatPrompt}); a schema
 * becomes a GBNF grammar. Each series and each one-shot completion gets its own context; the
 * model is shared and stays the caller's to close.
 */
public final class LocalEngine implements Engine {

    private final LlamaModel model;
    private final ContextOptions options;
    private final int requestLength;
    private final LocalSampling sampling = new LocalSampling();

    /**
     * @param options threads, batch size, and the context length shared by {@code sequences} parallel
     *                requests: each request holds {@code contextLength / sequences} tokens, capped at
     *                the model's trained length
     */
    public LocalEngine(LlamaModel model, ContextOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        int perSequence = options.contextLength() / options.sequences();
        int trained = model.info().trainedContextLength();
        this.requestLength = trained > 0 ? Math.min(perSequence, trained) : perSequence;
    }

    @Override
    public EngineCapabilities capabilities() {
        // embeddings run on a context of their own (assistant.embedding), not through this engine yet
        return new EngineCapabilities(requestLength, true, options.sequences(), false);
    }

    @Override
    public int count(String text) {
        return LocalResults.translated(() -> model.tokenize(text, false, false).length);
    }

    @Override
    public int count(List<Message> conversation, boolean assistantStart) {
        return LocalResults.translated(() -> ChatPrompt.tokenize(model, conversation, assistantStart).length);
    }

    @Override
    public String cut(String text, int budget, String marker) {
        return LocalResults.translated(() -> TokenCut.cut(model, text, budget, marker));
    }

    @Override
    public PromptSeries series(String system, int parallel, BooleanSupplier cancelled) {
        if (parallel < 1 || parallel > options.sequences()) {
            throw new IllegalArgumentException("parallel must be between 1 and " + options.sequences() + ", was " + parallel);
        }
        // One decode should carry every sequence's prompt at once; llama.cpp still computes it in
        // micro-batches of at most 512 tokens, so a large batch costs no extra memory for activations.
        int batchSize = Math.max(options.batchSize(), Math.min(4096, parallel * 512));
        ContextOptions context = options.withContextLength(requestLength * parallel).withSequences(parallel)
                .withBatchSize(batchSize);
        return new LocalSeries(model, context, system, sampling, cancelled);
    }

    @Override
    public Completion complete(String system, EngineRequest request, TextListener listener, BooleanSupplier cancelled) {
        return LocalResults.translated(() -> OneShot.run(model, options.withContextLength(requestLength).withSequences(1),
                system, request.user(), request.maxTokens(), sampling.options(request), listener, cancelled));
    }
}
