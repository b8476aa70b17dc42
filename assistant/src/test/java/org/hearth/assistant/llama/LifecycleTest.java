package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void closeWaitsForAVocabularyCallInFlight() throws Exception {
        LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch finishCall = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform().start(() -> model.whileOpen((handle, vocab) -> {
            inCall.countDown();
            finishCall.await();
            return model.tokenize("Fristablauf", false, false);
        }));
        inCall.await();
        Thread closer = Thread.ofPlatform().start(model::close);

        awaitBlocked(closer);
        assertThat(model.isClosed()).as("freed under a running vocabulary call").isFalse();

        finishCall.countDown();
        caller.join();
        closer.join();
        assertThat(model.isClosed()).isTrue();
    }

    /** Before the lifetime lock, tokenize read the vocabulary pointer and then used it unlocked while close freed it. */
    @Test
    void tokenizingWhileTheModelClosesGivesTokensOrAClearErrorNeverACrash() throws Exception {
        LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
        String text = "Die Kündigungsfrist beträgt drei Monate zum Quartalsende. ".repeat(400);
        int threads = 4;
        CountDownLatch running = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> tokenizers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tokenizers.add(pool.submit(() -> {
                    running.countDown();
                    int rounds = 0;
                    while (true) {
                        try {
                            assertThat(model.tokenize(text, false, false)).isNotEmpty();
                            rounds++;
                        } catch (IllegalStateException closed) {
                            assertThat(closed).hasMessageContaining("closed");
                            return rounds;
                        }
                    }
                }));
            }
            running.await();
            model.close();
            for (Future<Integer> tokenizer : tokenizers) {
                tokenizer.get();
            }
            assertThat(model.isClosed()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits without sleeping until {@code thread} blocks on a lock or condition. */
    static void awaitBlocked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED) {
            assertThat(thread.isAlive()).as("the thread ended instead of blocking").isTrue();
            Thread.onSpinWait();
        }
    }
}
