package org.hearth.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.ModelInfo;
import java.util.concurrent.CancellationException;

/**
 * Prompt processing and generation speed of a model on this machine, measured like llama.cpp's
 * llama-bench: {@code promptTokens} fixed pseudo-random tokens decoded as one batch (pp), then
 * {@code generatedTokens} tokens sampled greedily and decoded one at a time (tg), ignoring
 * end-of-generation so every run does the same work. One warm-up run is discarded.
 */
public final class RuntimeBenchmark {

    public record Settings(int promptTokens, int generatedTokens, int threads, int repetitions) {
    }

    public record Result(ModelInfo model, Settings settings, Stats promptTokensPerSecond, Stats generatedTokensPerSecond) {
    }

    /** Mean and sample standard deviation of repeated measurements. */
    public record Stats(double mean, double stddev, List<Double> samples) {
        static Stats of(List<Double> samples) {
            double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = samples.size() < 2 ? 0 : samples.stream()
                    .mapToDouble(s -> (s - mean) * (s - mean)).sum() / (samples.size() - 1);
            return new Stats(mean, Math.sqrt(variance), List.copyOf(samples));
        }
    }

    private RuntimeBenchmark() {
    }

    public static Result run(LlamaModel model, Settings settings, Consumer<String> progress, BooleanSupplier cancelled) {
        int contextLength = settings.promptTokens() + settings.generatedTokens() + 16;
        ContextOptions options = new ContextOptions(contextLength, settings.promptTokens(), settings.threads(), settings.threads(), 1, false);
        int[] prompt = pseudoRandomTokens(settings.promptTokens(), model.info().vocabularySize());
        List<Double> pp = new ArrayList<>();
        List<Double> tg = new ArrayList<>();
        try (LlamaContext context = model.newContext(options);
             Batch batch = new Batch(settings.promptTokens());
             Sampler sampler = Sampler.create(model, SamplingOptions.greedy())) {
            for (int run = 0; run <= settings.repetitions(); run++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Benchmark cancelled");
                }
                progress.accept(run == 0 ? "warm-up" : "run " + run + " of " + settings.repetitions());
                context.clear();
                sampler.reset();
                batch.clear();
                for (int i = 0; i < prompt.length; i++) {
                    batch.add(prompt[i], i, 0, i == prompt.length - 1);
                }
                long start = System.nanoTime();
                context.decode(batch, cancelled);
                double ppRate = prompt.length * 1e9 / (System.nanoTime() - start);

                int outputIndex = prompt.length - 1;
                start = System.nanoTime();
                for (int i = 0; i < settings.generatedTokens(); i++) {
                    int token = context.sample(sampler, outputIndex);
                    batch.clear();
                    outputIndex = batch.add(token, prompt.length + i, 0, true);
                    context.decode(batch, cancelled);
                }
                double tgRate = settings.generatedTokens() * 1e9 / (System.nanoTime() - start);
                if (run > 0) {
                    pp.add(ppRate);
                    tg.add(tgRate);
                }
            }
        }
        return new Result(model.info(), settings, Stats.of(pp), Stats.of(tg));
    }

    /** A 31-bit LCG, written out so benchmarks/node-llama-cpp/bench.mjs can decode the very same tokens. */
    static int[] pseudoRandomTokens(int count, int vocabularySize) {
        long state = 1234;
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            state = (state * 1103515245L + 12345L) % 2147483648L;
            tokens[i] = (int) (state % vocabularySize);
        }
        return tokens;
    }
}
