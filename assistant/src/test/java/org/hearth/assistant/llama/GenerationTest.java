package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.assistant.testing.SharedTinyModel;
import org.junit.jupiter.api.Test;

/** Generation through the real libllama with the generated tiny qwen35 model. */
class GenerationTest {

    private static final LlamaModel model = SharedTinyModel.get();

    private static int[] prompt() {
        return model.tokenize(model.applyChatTemplate(List.of(ChatMessage.user("Hallo, wie geht es?")), true), true, true);
    }

    private static GenerationResult generate(SamplingOptions sampling, int maxTokens, Generator.TextListener listener,
                                             java.util.function.BooleanSupplier cancelled) {
        try (LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(512));
             Generator generator = new Generator(context);
             Sampler sampler = Sampler.create(model, sampling)) {
            return generator.generate(prompt(), sampler, maxTokens, listener, cancelled);
        }
    }

    @Test
    void theSameSeedGivesTheSameTokens() {
        SamplingOptions sampling = SamplingOptions.defaults().withTemperature(1.0f).withSeed(7);
        GenerationResult first = generate(sampling, 24, Generator.TextListener.ignore(), () -> false);
        GenerationResult second = generate(sampling, 24, Generator.TextListener.ignore(), () -> false);
        GenerationResult otherSeed = generate(sampling.withSeed(8), 24, Generator.TextListener.ignore(), () -> false);

        assertThat(first.tokens()).isNotEmpty().containsExactly(second.tokens());
        assertThat(otherSeed.tokens()).isNotEqualTo(first.tokens());
    }

    @Test
    void textStreamsWhileGenerating() {
        List<String> pieces = new ArrayList<>();
        GenerationResult result = generate(SamplingOptions.greedy(), 24, pieces::add, () -> false);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(result.text());
    }

    @Test
    void cancellingStopsBeforeTheTokenLimit() {
        List<String> pieces = new ArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        GenerationResult result = generate(SamplingOptions.defaults().withTemperature(1.0f), 200, piece -> {
            pieces.add(piece);
            if (pieces.size() == 3) {
                cancel.set(true);
            }
        }, cancel::get);

        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.tokens().length).isLessThan(200);
        assertThat(pieces).hasSize(3);
    }

    @Test
    void aCancelledPromptDecodeAbortsInsideLlamaCpp() {
        int[] longPrompt = model.tokenize("Frist ".repeat(400), false, false);
        AtomicBoolean cancel = new AtomicBoolean();
        try (LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(4096).withBatchSize(4096));
             Generator generator = new Generator(context)) {
            // The flag is already set: the abort callback must stop the single big decode.
            cancel.set(true);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                try (Batch batch = new Batch(longPrompt.length)) {
                    for (int i = 0; i < longPrompt.length; i++) {
                        batch.add(longPrompt[i], i, 0, i == longPrompt.length - 1);
                    }
                    context.decode(batch, cancel::get);
                }
            }).isInstanceOf(java.util.concurrent.CancellationException.class);
            // the context stays usable after an abort
            cancel.set(false);
            try (Sampler sampler = Sampler.create(model, SamplingOptions.greedy())) {
                assertThat(generator.generate(prompt(), sampler, 4, Generator.TextListener.ignore(), cancel::get).tokens())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void greedyDecodingFollowsTheLogits() {
        try (LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(512));
             Generator generator = new Generator(context);
             Sampler sampler = Sampler.create(model, SamplingOptions.greedy())) {
            Generator.Prefill prefill = generator.prefill(0, 0, prompt(), () -> false);
            float[] logits = context.logits(prefill.outputIndex());
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            assertThat(logits).hasSize(model.info().vocabularySize());
            assertThat(context.sample(sampler, prefill.outputIndex())).isEqualTo(best);
        }
    }
}
