package org.hearth.assistant.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * A llama.cpp sampler chain built from {@link SamplingOptions}: grammar first (so only valid
 * continuations remain), then the repetition penalty, then greedy or top-k → top-p → min-p →
 * temperature → seeded draw. It remembers the tokens it picked (for the penalty and the grammar),
 * so use one per generation, or {@link #reset()} it. Not thread-safe.
 */
public final class Sampler implements AutoCloseable {

    private final LlamaLibrary lib;
    private MemorySegment chain;

    private Sampler(LlamaLibrary lib, MemorySegment chain) {
        this.lib = lib;
        this.chain = chain;
    }

    /** @throws LlamaException when the grammar cannot be parsed */
    public static Sampler create(LlamaModel model, SamplingOptions options) {
        LlamaLibrary lib = LlamaRuntime.get().library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment chainParams = (MemorySegment) lib.llama_sampler_chain_default_params.invokeExact((SegmentAllocator) arena);
            MemorySegment chain = (MemorySegment) lib.llama_sampler_chain_init.invokeExact(chainParams);
            Sampler sampler = new Sampler(lib, chain);
            try {
                if (options.grammar().isPresent()) {
                    LlamaLog.clearLastError();
                    MemorySegment grammar = model.whileOpen((handle, vocab) -> (MemorySegment) lib.llama_sampler_init_grammar.invokeExact(
                            vocab, arena.allocateFrom(options.grammar().get()), arena.allocateFrom("root")));
                    if (grammar.equals(MemorySegment.NULL)) {
                        String reason = LlamaLog.lastError();
                        throw new LlamaException("The output grammar could not be parsed" + (reason == null ? "" : ": " + reason));
                    }
                    sampler.add(grammar);
                }
                if (options.repeatPenalty() != 1.0f) {
                    sampler.add((MemorySegment) lib.llama_sampler_init_penalties.invokeExact(
                            model.info().vocabularySize(), options.repeatLastN(), options.repeatPenalty(), 0.0f, 0.0f));
                }
                if (options.temperature() <= 0.0f) {
                    sampler.add((MemorySegment) lib.llama_sampler_init_greedy.invokeExact());
                } else {
                    if (options.topK() > 0) {
                        sampler.add((MemorySegment) lib.llama_sampler_init_top_k.invokeExact(options.topK()));
                    }
                    if (options.topP() < 1.0f) {
                        sampler.add((MemorySegment) lib.llama_sampler_init_top_p.invokeExact(options.topP(), 1L));
                    }
                    if (options.minP() > 0.0f) {
                        sampler.add((MemorySegment) lib.llama_sampler_init_min_p.invokeExact(options.minP(), 1L));
                    }
                    sampler.add((MemorySegment) lib.llama_sampler_init_temp.invokeExact(options.temperature()));
                    sampler.add((MemorySegment) lib.llama_sampler_init_dist.invokeExact(options.seed()));
                }
                return sampler;
            } catch (Throwable t) {
                sampler.close();
                throw t;
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    // The chain takes ownership of each added sampler and frees it with the chain.
    private void add(MemorySegment sampler) throws Throwable {
        lib.llama_sampler_chain_add.invokeExact(chain, sampler);
    }

    /** Forgets the picked tokens and restarts the grammar and the random sequence. */
    public void reset() {
        try {
            lib.llama_sampler_reset.invokeExact(handle());
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    MemorySegment handle() {
        if (chain == null) {
            throw new IllegalStateException("This sampler is closed");
        }
        return chain;
    }

    @Override
    public void close() {
        if (chain == null) {
            return;
        }
        try {
            lib.llama_sampler_free.invokeExact(chain);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            chain = null;
        }
    }
}
