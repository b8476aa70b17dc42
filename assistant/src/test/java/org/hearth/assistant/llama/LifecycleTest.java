package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every native object may be closed twice, and use after close is an exception, never a crash. */
class LifecycleTest {

    @TempDir
    Path models;

    @Test
    void closingTwiceIsSafeAndUseAfterCloseIsAClearError() {
        LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
        LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(256));
        Sampler sampler = Sampler.create(model, SamplingOptions.greedy());
        Batch batch = new Batch(8);

        batch.close();
        batch.close();
        sampler.close();
        sampler.close();
        context.close();
        context.close();

        assertThatThrownBy(() -> context.decode(new Batch(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> batch.add(1, 0, 0, true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sampler::reset).isInstanceOf(IllegalStateException.class);

        model.close();
        model.close();
        assertThatThrownBy(() -> model.tokenize("Hallo", false, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> model.newContext(ContextOptions.defaults().withThreads(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheModelClosesItsContexts() {
        LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
        LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(256));

        model.close();

        assertThatThrownBy(context::contextLength).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadProgressIsReportedAndCanCancel() {
        java.util.List<Float> seen = new java.util.ArrayList<>();
        try (LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models), seen::add)) {
            assertThat(model.info().vocabularySize()).isPositive();
        }
        assertThat(seen).isNotEmpty();
        assertThat(seen.getLast()).isEqualTo(1.0f);

        assertThatThrownBy(() -> LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models), fraction -> false))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
