package org.hearth.assistant.llama;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Prompt in, streamed text out, on one sequence of a context: decodes the prompt in batches,
 * then samples and decodes one token at a time until an end-of-generation token, the token
 * limit, a full context or cancellation. Not thread-safe (its context is not).
 */
public final class Generator implements AutoCloseable {

    private final LlamaContext context;
    private final LlamaModel model;
    private final Batch batch;

    public Generator(LlamaContext context) {
        this.context = context;
        this.model = context.model();
        this.batch = new Batch(context.options().batchSize());
    }

    /** Where a prefilled sequence stands: the next free position and which output holds its logits. */
    public record Prefill(int sequence, int nextPosition, int outputIndex, int tokenCount, long nanos) {
    }

    /**
     * Decodes {@code tokens} into {@code sequence} from {@code startPosition} (the tokens before it
     * are already there, e.g. restored from a {@link SequenceState}).
     *
     * @throws ContextFullException  when the tokens do not fit
     * @throws CancellationException when cancelled mid-way
     */
    public Prefill prefill(int sequence, int startPosition, int[] tokens, BooleanSupplier cancelled) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Nothing to prefill: the prompt has no tokens");
        }
        int contextLength = context.contextLength() / context.options().sequences();
        if (startPosition + tokens.length >= contextLength) {
            throw new ContextFullException("The prompt has " + (startPosition + tokens.length)
                    + " tokens; the context holds " + contextLength + ". Shorten the text or raise the context length.");
        }
        long start = System.nanoTime();
        int outputIndex = -1;
        for (int offset = 0; offset < tokens.length; offset += batch.capacity()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Cancelled");
            }
            int end = Math.min(tokens.length, offset + batch.capacity());
            batch.clear();
            for (int i = offset; i < end; i++) {
                int index = batch.add(tokens[i], startPosition + i, sequence, i == tokens.length - 1);
                if (i == tokens.length - 1) {
                    outputIndex = index;
                }
            }
            context.decode(batch, cancelled);
        }
        return new Prefill(sequence, startPosition + tokens.length, outputIndex, tokens.length, System.nanoTime() - start);
    }

    /**
     * Samples and decodes from a prefilled sequence.
     *
     * @param listener receives text as soon as it forms whole characters
     */
    public GenerationResult continueFrom(Prefill prefill, Sampler sampler, int maxTokens,
                                         TextListener listener, BooleanSupplier cancelled) {
        TokenTextDecoder decoder = new TokenTextDecoder(model);
        StringBuilder text = new StringBuilder();
        int[] generated = new int[Math.max(0, maxTokens)];
        int count = 0;
        int position = prefill.nextPosition();
        int outputIndex = prefill.outputIndex();
        int contextLength = context.contextLength() / context.options().sequences();
        long start = System.nanoTime();
        StopReason stop = StopReason.MAX_TOKENS;
        while (count < maxTokens) {
            if (cancelled.getAsBoolean()) {
                stop = StopReason.CANCELLED;
                break;
            }
            int token = context.sample(sampler, outputIndex);
            if (model.isEndOfGeneration(token)) {
                stop = StopReason.END_OF_GENERATION;
                break;
            }
            generated[count++] = token;
            emit(decoder.next(token), text, listener);
            if (position + 1 >= contextLength) {
                stop = StopReason.CONTEXT_FULL;
                break;
            }
            batch.clear();
            outputIndex = batch.add(token, position++, prefill.sequence(), true);
            context.decode(batch, cancelled);
        }
        emit(decoder.finish(), text, listener);
        return new GenerationResult(text.toString(), Arrays.copyOf(generated, count), prefill.tokenCount(), stop,
                prefill.nanos(), System.nanoTime() - start);
    }

    /** Generates from a fresh prompt on sequence 0, replacing whatever the sequence held. */
    public GenerationResult generate(int[] promptTokens, Sampler sampler, int maxTokens,
                                     TextListener listener, BooleanSupplier cancelled) {
        context.removeSequence(0);
        Prefill prefill;
        try {
            prefill = prefill(0, 0, promptTokens, cancelled);
        } catch (CancellationException e) {
            return new GenerationResult("", new int[0], promptTokens.length, StopReason.CANCELLED, 0, 0);
        }
        return continueFrom(prefill, sampler, maxTokens, listener, cancelled);
    }

    private static void emit(String piece, StringBuilder text, TextListener listener) {
        if (!piece.isEmpty()) {
            text.append(piece);
            listener.onText(piece);
        }
    }

    @Override
    public void close() {
        batch.close();
    }

    /** Receives generated text as it forms. Called on the generating thread. */
    @FunctionalInterface
    public interface TextListener {
        void onText(String piece);

        static TextListener ignore() {
            return piece -> { };
        }
    }
}
