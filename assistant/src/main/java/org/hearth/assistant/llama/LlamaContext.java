package org.hearth.assistant.llama;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * An inference context: the working memory (KV cache, recurrent state) of one or more sequences
 * of one model.
 *
 * <p>Not thread-safe: one job uses a context at a time (calls are serialised by a lock, so misuse
 * is slow rather than fatal). {@link #close()} may be called from any thread: it aborts a running
 * prompt decode and waits for it. Use after close throws {@link IllegalStateException}.
 */
public final class LlamaContext implements AutoCloseable {

    private static final int DECODE_OK = 0;
    private static final int DECODE_NO_SLOT = 1;
    private static final int DECODE_ABORTED = 2;

    private final LlamaModel model;
    private final LlamaLibrary lib;
    private final ContextOptions options;
    private final ReentrantLock inUse = new ReentrantLock();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment abortStub;
    private final int vocabularySize;
    private final int embeddingLength;
    private volatile BooleanSupplier cancelled = () -> false;
    private volatile boolean closing;
    private MemorySegment handle;
    private MemorySegment memory;

    LlamaContext(LlamaModel model, LlamaLibrary lib, MemorySegment modelHandle, ContextOptions options) {
        this.model = model;
        this.lib = lib;
        this.options = options;
        this.vocabularySize = model.info().vocabularySize();
        this.embeddingLength = model.info().embeddingLength();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.llama_context_default_params.invokeExact((SegmentAllocator) call);
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_ctx", options.contextLength());
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_batch", options.batchSize());
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_ubatch", Math.min(options.batchSize(), 512));
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_seq_max", options.sequences());
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_threads", options.threads());
            Structs.setInt(params, Structs.CONTEXT_PARAMS, "n_threads_batch", options.batchThreads());
            Structs.setBoolean(params, Structs.CONTEXT_PARAMS, "embeddings", options.embeddings());
            LlamaLog.clearLastError();
            MemorySegment created = (MemorySegment) lib.llama_init_from_model.invokeExact(modelHandle, params);
            if (created.equals(MemorySegment.NULL)) {
                String reason = LlamaLog.lastError();
                throw new LlamaException("llama.cpp could not create a context of " + options.contextLength()
                        + " tokens" + (reason == null ? "" : ": " + reason));
            }
            handle = created;
            memory = (MemorySegment) lib.llama_get_memory.invokeExact(handle);
            abortStub = LlamaLibrary.linker().upcallStub(
                    MethodHandles.lookup().bind(this, "shouldAbort", MethodType.methodType(boolean.class, MemorySegment.class)),
                    LlamaLibrary.ABORT_CALLBACK, arena);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    public LlamaModel model() {
        return model;
    }

    public ContextOptions options() {
        return options;
    }

    /** The context length llama.cpp actually allocated (it may round the requested one). */
    public int contextLength() {
        return withHandle(h -> (int) lib.llama_n_ctx.invokeExact(h));
    }

    /**
     * Runs the model over a batch. Multi-token batches (prompts) can be aborted mid-way through
     * {@code cancelled}; single tokens are too short to need it and skip the per-step check.
     *
     * @throws CancellationException when {@code cancelled} became true during the decode
     * @throws ContextFullException  when the sequence no longer fits the context
     */
    public void decode(Batch batch, BooleanSupplier cancelled) {
        withHandle(h -> {
            if (batch.size() == 0) {
                return null;
            }
            boolean abortable = batch.size() > 1;
            this.cancelled = cancelled;
            if (abortable) {
                lib.llama_set_abort_callback.invokeExact(h, abortStub, MemorySegment.NULL);
            }
            int result;
            try {
                LlamaLog.clearLastError();
                result = (int) lib.llama_decode.invokeExact(h, batch.struct());
            } finally {
                if (abortable) {
                    lib.llama_set_abort_callback.invokeExact(h, MemorySegment.NULL, MemorySegment.NULL);
                }
                this.cancelled = () -> false;
            }
            switch (result) {
                case DECODE_OK -> { }
                case DECODE_ABORTED -> throw new CancellationException("Cancelled");
                case DECODE_NO_SLOT -> throw new ContextFullException(
                        "The text does not fit the model's context of " + options.contextLength() + " tokens");
                default -> {
                    String reason = LlamaLog.lastError();
                    throw new LlamaException("llama.cpp failed to process the batch (code " + result + ")"
                            + (reason == null ? "" : ": " + reason));
                }
            }
            return null;
        });
    }

    public void decode(Batch batch) {
        decode(batch, () -> false);
    }

    /** A copy of the next-token logits for the token at {@code batchIndex} of the last decode. */
    public float[] logits(int batchIndex) {
        return withHandle(h -> {
            MemorySegment logits = (MemorySegment) lib.llama_get_logits_ith.invokeExact(h, batchIndex);
            if (logits.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("No logits were computed for batch index " + batchIndex);
            }
            return logits.reinterpret((long) vocabularySize * Float.BYTES).toArray(JAVA_FLOAT);
        });
    }

    /** The pooled embedding of a sequence after its tokens were decoded in an embeddings context. */
    public float[] embedding(int sequence) {
        if (!options.embeddings()) {
            throw new IllegalStateException("This context was not created for embeddings");
        }
        return withHandle(h -> {
            MemorySegment embedding = (MemorySegment) lib.llama_get_embeddings_seq.invokeExact(h, sequence);
            if (embedding.equals(MemorySegment.NULL)) {
                throw new LlamaException(model.file().getFileName() + " gives no pooled embeddings; it is not an embedding model");
            }
            return embedding.reinterpret((long) embeddingLength * Float.BYTES).toArray(JAVA_FLOAT);
        });
    }

    /** Picks the next token from the logits at {@code batchIndex}; the sampler remembers it. */
    public int sample(Sampler sampler, int batchIndex) {
        return withHandle(h -> (int) lib.llama_sampler_sample.invokeExact(sampler.handle(), h, batchIndex));
    }

    /** Forgets every sequence. */
    public void clear() {
        withHandle(h -> {
            lib.llama_memory_clear.invokeExact(memory, true);
            return null;
        });
    }

    /** Forgets one sequence entirely. */
    public void removeSequence(int sequence) {
        withHandle(h -> (boolean) lib.llama_memory_seq_rm.invokeExact(memory, sequence, -1, -1));
    }

    /** The position of the last token in a sequence, or -1 when it is empty. */
    public int lastPosition(int sequence) {
        return withHandle(h -> (int) lib.llama_memory_seq_pos_max.invokeExact(memory, sequence));
    }

    /** Copies a sequence's state, e.g. after a shared system prompt, for {@link #restoreSequence}. */
    public SequenceState saveSequence(int sequence) {
        return withHandle(h -> {
            long size = (long) lib.llama_state_seq_get_size.invokeExact(h, sequence);
            try (Arena call = Arena.ofConfined()) {
                MemorySegment buffer = call.allocate(size);
                long written = (long) lib.llama_state_seq_get_data.invokeExact(h, buffer, size, sequence);
                if (written == 0) {
                    throw new LlamaException("llama.cpp could not save sequence " + sequence);
                }
                return new SequenceState(buffer.asSlice(0, written).toArray(JAVA_BYTE), lastPosition(sequence) + 1);
            }
        });
    }

    /** Replaces a sequence's memory with a saved state; generation continues at {@code state.tokenCount()}. */
    public void restoreSequence(SequenceState state, int sequence) {
        withHandle(h -> {
            boolean removed = (boolean) lib.llama_memory_seq_rm.invokeExact(memory, sequence, -1, -1);
            if (!removed) {
                throw new LlamaException("llama.cpp could not clear sequence " + sequence);
            }
            try (Arena call = Arena.ofConfined()) {
                MemorySegment buffer = call.allocate(state.data().length);
                MemorySegment.copy(state.data(), 0, buffer, JAVA_BYTE, 0, state.data().length);
                long read = (long) lib.llama_state_seq_set_data.invokeExact(h, buffer, (long) state.data().length, sequence);
                if (read == 0) {
                    throw new LlamaException("The saved state does not fit this context (another model or context size?)");
                }
            }
            return null;
        });
    }

    /** Frees the context, aborting a prompt decode in progress. Safe to call more than once, from any thread. */
    @Override
    public void close() {
        closing = true;
        inUse.lock();
        try {
            if (handle == null) {
                return;
            }
            try {
                lib.llama_free.invokeExact(handle);
            } catch (Throwable t) {
                throw Native.rethrow(t);
            } finally {
                handle = null;
                memory = null;
                arena.close();
                model.contextClosed(this);
            }
        } finally {
            inUse.unlock();
        }
    }

    // Called by ggml's compute loop during a decode; must never throw into native code.
    @SuppressWarnings("unused")
    private boolean shouldAbort(MemorySegment data) {
        try {
            return closing || cancelled.getAsBoolean();
        } catch (Throwable t) {
            return true;
        }
    }

    private <T> T withHandle(NativeCall<T> call) {
        inUse.lock();
        try {
            if (handle == null) {
                throw new IllegalStateException("This LlamaContext is closed");
            }
            return call.apply(handle);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            inUse.unlock();
        }
    }

    @FunctionalInterface
    private interface NativeCall<T> {
        T apply(MemorySegment handle) throws Throwable;
    }
}
