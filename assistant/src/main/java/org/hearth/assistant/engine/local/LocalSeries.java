package org.hearth.assistant.engine.local;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;

/**
 * Runs a series' prompts in one context. The system prompt is decoded once and its state saved;
 * every request restores that state and decodes only its own user message, so a 300-part summary
 * or a 150-mail triage pays for the instructions once, not 300 times. A context with several
 * sequences runs that many requests of {@link #completeAll} at once.
 */
final class LocalSeries implements PromptSeries {

    /** Room left unused at the end of a sequence, so generation never runs into the wall. */
    static final int MARGIN = 8;

    private final LlamaModel model;
    private final LlamaContext context;
    private final Generator generator;
    private final SystemPrefix prefix;
    private final LocalSampling sampling;
    private final BooleanSupplier cancelled;
    private final int sequenceLength;
    private Batch batch;
    private Usage usage;

    /** @param options the whole context: its length is shared by its sequences */
    LocalSeries(LlamaModel model, ContextOptions options, String system, LocalSampling sampling, BooleanSupplier cancelled) {
        this.model = model;
        this.sampling = sampling;
        this.cancelled = cancelled;
        this.context = LocalResults.translated(() -> model.newContext(options));
        try {
            this.sequenceLength = context.contextLength() / options.sequences();
            this.generator = new Generator(context);
            long start = System.nanoTime();
            this.prefix = LocalResults.translated(() -> SystemPrefix.compute(model, context, generator, 0, system, cancelled));
            int tokens = prefix.tokenCount();
            this.usage = new Usage(0, tokens, 0, System.nanoTime() - start, 0, Math.ceilDiv(tokens, options.batchSize()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Completion complete(EngineRequest request, TextListener listener) {
        if (cancelled.getAsBoolean()) {
            return LocalResults.cancelled(0);
        }
        int[] prompt = prefix.conversation(model, request.user());
        if (prompt.length + request.maxTokens() + MARGIN > sequenceLength) {
            throw new PromptTooLongException("A prompt of " + prompt.length + " tokens and its answer of up to "
                    + request.maxTokens() + " do not fit the context of " + sequenceLength + " tokens");
        }
        Completion completion = LocalResults.translated(() -> {
            Generator.Prefill prefill;
            Optional<int[]> remainder = prefix.remainder(prompt);
            try {
                if (remainder.isPresent()) {
                    prefix.restore(context, 0);
                    prefill = generator.prefill(0, prefix.tokenCount(), remainder.get(), cancelled);
                } else {
                    // a template that renders the system turn differently once a user turn follows: no shared prefix
                    context.removeSequence(0);
                    prefill = generator.prefill(0, 0, prompt, cancelled);
                }
            } catch (CancellationException e) {
                return LocalResults.cancelled(prompt.length);
            }
            try (Sampler sampler = Sampler.create(model, sampling.options(request))) {
                GenerationResult result = generator.continueFrom(prefill, sampler, request.maxTokens(), listener::onText, cancelled);
                return LocalResults.completion(result, prompt.length, context.options().batchSize());
            }
        });
        usage = usage.plus(completion.usage());
        return completion;
    }

    @Override
    public void completeAll(List<EngineRequest> requests, CompletionListener listener) {
        if (batch == null) {
            batch = new Batch(context.options().batchSize());
        }
        BatchedRun run = new BatchedRun(model, context, batch, prefix, sampling, sequenceLength, listener, cancelled);
        try {
            LocalResults.translated(() -> run.run(requests));
        } finally {
            usage = usage.plus(run.usage());
        }
    }

    @Override
    public Usage usage() {
        return usage;
    }

    @Override
    public void close() {
        try {
            if (batch != null) {
                batch.close();
            }
            if (generator != null) {
                generator.close();
            }
        } finally {
            context.close();
        }
    }
}
