package org.hearth.assistant.engine.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.llama.TokenTextDecoder;

/**
 * One run over a queue of requests, each sequence of the context working on its own request.
 * Every step builds one batch: the next token of every generating sequence, then as much of the
 * waiting prompts as fits. A sequence whose request is done takes the next one at once, so the
 * batch stays full until the queue runs dry. With one sequence this is plain one-after-another.
 */
final class BatchedRun {

    private final LlamaModel model;
    private final LlamaContext context;
    private final Batch batch;
    private final SystemPrefix prefix;
    private final LocalSampling sampling;
    private final int sequenceLength;
    private final CompletionListener listener;
    private final BooleanSupplier cancelled;
    private long promptTokens;
    private long promptTokensDecoded;
    private long generatedTokens;
    private int decodes;

    BatchedRun(LlamaModel model, LlamaContext context, Batch batch, SystemPrefix prefix, LocalSampling sampling,
               int sequenceLength, CompletionListener listener, BooleanSupplier cancelled) {
        this.model = model;
        this.context = context;
        this.batch = batch;
        this.prefix = prefix;
        this.sampling = sampling;
        this.sequenceLength = sequenceLength;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    void run(List<EngineRequest> requests) {
        Deque<Integer> queue = new ArrayDeque<>(IntStream.range(0, requests.size()).boxed().toList());
        int finished = 0;
        List<Slot> slots = new ArrayList<>();
        try {
            for (int s = 0; s < context.options().sequences(); s++) {
                slots.add(new Slot(s));
            }
            listener.onProgress(0, requests.size());
            while (!cancelled.getAsBoolean()) {
                for (Slot slot : slots) {
                    if (slot.idle() && !queue.isEmpty()) {
                        int index = queue.poll();
                        start(slot, index, requests.get(index));
                    }
                }
                List<Slot> active = slots.stream().filter(s -> !s.idle()).toList();
                if (active.isEmpty()) {
                    break;
                }
                fillBatch(active);
                try {
                    context.decode(batch, cancelled);
                    decodes++;
                } catch (CancellationException e) {
                    break;
                }
                for (Slot slot : active) {
                    if (slot.outputIndex >= 0 && sample(slot)) {
                        int index = slot.request;
                        Completion completion = finish(slot);
                        finished++;
                        listener.onCompletion(index, completion);
                        listener.onProgress(finished, requests.size());
                    }
                }
            }
        } finally {
            slots.forEach(Slot::close);
        }
    }

    /** What the run cost; prefill and generation share decodes here, so no time is split out. */
    Usage usage() {
        return new Usage(promptTokens, promptTokensDecoded, generatedTokens, 0, 0, decodes);
    }

    private void start(Slot slot, int index, EngineRequest request) {
        int[] prompt = prefix.conversation(model, request.user());
        if (prompt.length + 1 >= sequenceLength) {
            throw new PromptTooLongException("A prompt of " + prompt.length + " tokens does not fit a sequence of "
                    + sequenceLength + " tokens");
        }
        Optional<int[]> remainder = prefix.remainder(prompt);
        if (remainder.isPresent()) {
            prefix.restore(context, slot.sequence);
            slot.begin(index, remainder.get(), prefix.tokenCount(), request.maxTokens());
        } else {
            // a template that renders the system turn differently before a user turn: no shared prefix
            context.removeSequence(slot.sequence);
            slot.begin(index, prompt, 0, request.maxTokens());
        }
        slot.useSampler(model, sampling.options(request));
        slot.decoder = new TokenTextDecoder(model);
        promptTokens += prompt.length;
        promptTokensDecoded += slot.pending.length;
    }

    // Generating sequences first: their one token each must not wait behind a long prompt.
    private void fillBatch(List<Slot> active) {
        batch.clear();
        for (Slot slot : active) {
            slot.outputIndex = -1;
            if (!slot.prefilling()) {
                slot.outputIndex = batch.add(slot.nextToken, slot.position++, slot.sequence, true);
            }
        }
        for (Slot slot : active) {
            while (slot.prefilling() && batch.size() < batch.capacity()) {
                boolean last = slot.pendingOffset == slot.pending.length - 1;
                int index = batch.add(slot.pending[slot.pendingOffset++], slot.position++, slot.sequence, last);
                if (last) {
                    slot.outputIndex = index;
                }
            }
        }
    }

    /** Samples the slot's next token; true when its answer is complete. */
    private boolean sample(Slot slot) {
        int token = context.sample(slot.sampler, slot.outputIndex);
        if (model.isEndOfGeneration(token)) {
            slot.stop = StopReason.END_OF_GENERATION;
            return true;
        }
        slot.generated++;
        generatedTokens++;
        slot.text.append(slot.decoder.next(token));
        if (slot.generated == slot.maxTokens) {
            slot.stop = StopReason.MAX_TOKENS;
            return true;
        }
        if (slot.position + 1 >= sequenceLength) {
            slot.stop = StopReason.CONTEXT_FULL;
            return true;
        }
        slot.nextToken = token;
        return false;
    }

    private Completion finish(Slot slot) {
        String text = slot.text.append(slot.decoder.finish()).toString();
        Usage usage = new Usage(slot.prefixTokens + slot.pending.length, slot.pending.length, slot.generated, 0, 0, 0);
        slot.request = -1;
        return new Completion(text, LocalResults.finishReason(slot.stop), usage);
    }

    /** One sequence of the context and the request it is working on. */
    private static final class Slot implements AutoCloseable {
        final int sequence;
        Sampler sampler;
        SamplingOptions samplerOptions;
        int request = -1;
        int maxTokens;
        TokenTextDecoder decoder;
        StringBuilder text;
        int[] pending;
        int pendingOffset;
        int prefixTokens;
        int position;
        int outputIndex;
        int nextToken;
        int generated;
        StopReason stop;

        Slot(int sequence) {
            this.sequence = sequence;
        }

        void begin(int index, int[] prompt, int startPosition, int answerTokens) {
            request = index;
            maxTokens = answerTokens;
            pending = prompt;
            pendingOffset = 0;
            prefixTokens = startPosition;
            position = startPosition;
            outputIndex = -1;
            generated = 0;
            text = new StringBuilder();
            stop = null;
        }

        /** Keeps the sampler (and its parsed grammar) when the next request samples the same way, as triage's all do. */
        void useSampler(LlamaModel model, SamplingOptions options) {
            if (sampler != null && options.equals(samplerOptions)) {
                sampler.reset();
                return;
            }
            close();
            sampler = Sampler.create(model, options);
            samplerOptions = options;
        }

        boolean idle() {
            return request < 0;
        }

        boolean prefilling() {
            return pendingOffset < pending.length;
        }

        @Override
        public void close() {
            if (sampler != null) {
                sampler.close();
                sampler = null;
            }
        }
    }
}
