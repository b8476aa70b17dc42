package org.hearth.assistant.model;

import java.util.Comparator;
import java.util.List;

/**
 * Estimates what a model needs in memory and picks the largest catalog model this machine runs comfortably.
 * Pure functions over {@link MachineFacts}, so any machine can be tested.
 *
 * <p>A model needs its weights (the file size), the key-value cache of its attention layers for the context, the
 * fixed recurrent state of Qwen3.5's DeltaNet layers, and llama.cpp's compute buffer. On top, the fit check keeps
 * half the memory, and at least {@value #MIN_RESERVED_GIB} GB, for the operating system and the office programs that
 * run alongside (mail, word processor, browser, document management). On Apple Silicon the GPU shares that same
 * memory, so the same budget applies whether llama.cpp runs on the GPU or the CPU; on a PC the model is assumed to run
 * from main memory, since a graphics card's own memory is not known here.
 */
public final class FitCheck {

    /** Legal work means long documents: 16K tokens hold some 25 pages of text plus instructions and an answer. */
    public static final int DEFAULT_CONTEXT_TOKENS = 16_384;

    static final int MIN_RESERVED_GIB = 6;

    /**
     * llama.cpp's scratch memory for a 512-token batch. An estimate, not a measurement: with Qwen3.5's 248K-token
     * vocabulary the logits alone take some hundred megabytes; 512 MB errs on the safe side.
     */
    static final long COMPUTE_BUFFER_BYTES = 512 * ByteSizes.MIB;

    /**
     * Generation speed on a CPU, in tokens/s × GB of model file per core: Qwen3.5-0.8B Q8_0 (0.81 GB) generated
     * 11.2 tokens/s on 2 Xeon cores here (BENCHMARKS.md, "Runtime"). Generation reads all weights once per token,
     * so speed falls with file size and rises with cores until memory bandwidth runs out (taken as 8 cores).
     */
    static final double CPU_TOKENS_PER_SECOND_GB_PER_CORE = 11.2 * 0.806 / 2;
    static final int CPU_CORES_UNTIL_BANDWIDTH_BOUND = 8;

    /** Below this an answer of a few sentences takes longer than a reader will wait for it. */
    static final double MIN_TOKENS_PER_SECOND = 5.0;

    private FitCheck() {
    }

    /**
     * Estimated generation speed when the model runs on the CPU; empty where a GPU shares the memory (Apple Silicon)
     * or the cores are unknown.
     */
    public static java.util.OptionalDouble estimatedCpuTokensPerSecond(CatalogModel model, MachineFacts machine) {
        if (machine.unifiedMemory() || machine.cpuCores() == 0) {
            return java.util.OptionalDouble.empty();
        }
        double gigabytes = model.approximateSizeBytes() / 1e9;
        int cores = Math.min(machine.cpuCores(), CPU_CORES_UNTIL_BANDWIDTH_BOUND);
        return java.util.OptionalDouble.of(CPU_TOKENS_PER_SECOND_GB_PER_CORE * cores / gigabytes);
    }

    private static boolean fastEnough(CatalogModel model, MachineFacts machine) {
        return estimatedCpuTokensPerSecond(model, machine).orElse(Double.MAX_VALUE) >= MIN_TOKENS_PER_SECOND;
    }

    /** What {@code model} needs with a context of {@code contextTokens}. */
    public static MemoryEstimate estimate(CatalogModel model, int contextTokens) {
        if (contextTokens < 1) {
            throw new IllegalArgumentException("context must hold at least one token, was " + contextTokens);
        }
        ModelShape shape = model.shape();
        return new MemoryEstimate(model.approximateSizeBytes(), shape.kvCacheBytesPerToken() * contextTokens,
                shape.recurrentStateBytes(), COMPUTE_BUFFER_BYTES, contextTokens);
    }

    /** Memory left to the operating system and the other programs: half, and at least {@value #MIN_RESERVED_GIB} GB. */
    public static long reservedForOtherPrograms(MachineFacts machine) {
        return Math.max(MIN_RESERVED_GIB * ByteSizes.GIB, machine.totalMemoryBytes() / 2);
    }

    /** The recommendation among the catalog's chat models at the default context. */
    public static Recommendation recommend(MachineFacts machine) {
        return recommend(machine, ModelCatalog.chatModels(), DEFAULT_CONTEXT_TOKENS);
    }

    /**
     * The largest of {@code candidates} (by file size, which for these models is also by quality) whose need fits
     * beside the reserve and, on a CPU, that still answers at {@value #MIN_TOKENS_PER_SECOND} tokens/s; the smallest,
     * marked as too big, if none fits.
     */
    public static Recommendation recommend(MachineFacts machine, List<CatalogModel> candidates, int contextTokens) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no models to choose from");
        }
        long budget = machine.totalMemoryBytes() - reservedForOtherPrograms(machine);
        Comparator<CatalogModel> bySize = Comparator.comparingLong(CatalogModel::approximateSizeBytes);
        List<CatalogModel> fitInMemory = candidates.stream()
                .filter(model -> estimate(model, contextTokens).totalBytes() <= budget)
                .toList();
        CatalogModel fitting = fitInMemory.stream().filter(model -> fastEnough(model, machine)).max(bySize)
                .orElse(fitInMemory.stream().min(bySize).orElse(null));
        boolean slowerOnesLeftOut = fitting != null && fitInMemory.stream()
                .anyMatch(model -> model.approximateSizeBytes() > fitting.approximateSizeBytes());
        if (fitting == null) {
            CatalogModel smallest = candidates.stream().min(bySize).orElseThrow();
            return new Recommendation(smallest, estimate(smallest, contextTokens), Recommendation.Verdict.TOO_LITTLE_MEMORY, machine, false);
        }
        MemoryEstimate need = estimate(fitting, contextTokens);
        // Free memory only warns: it changes by the minute, and macOS counts its file cache as used.
        Recommendation.Verdict verdict = need.totalBytes() <= machine.availableMemoryBytes()
                ? Recommendation.Verdict.FITS
                : Recommendation.Verdict.FITS_AFTER_CLOSING_PROGRAMS;
        return new Recommendation(fitting, need, verdict, machine, slowerOnesLeftOut);
    }
}
