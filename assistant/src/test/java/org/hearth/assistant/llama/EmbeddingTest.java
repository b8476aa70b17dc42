package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pooled embeddings from the generated tiny embedding model. */
class EmbeddingTest {

    @TempDir
    Path models;

    private static float[] embed(LlamaModel model, String text) {
        int[] tokens = model.tokenize(text, true, false);
        try (LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(512).forEmbeddings());
             Batch batch = new Batch(tokens.length)) {
            for (int i = 0; i < tokens.length; i++) {
                batch.add(tokens[i], i, 0, true);
            }
            context.decode(batch);
            return context.embedding(0);
        }
    }

    @Test
    void embeddingsHaveTheModelsDimensionAndAreDeterministic() {
        try (LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyEmbedding(models))) {
            float[] first = embed(model, "Kündigungsfrist drei Monate zum Quartalsende");
            float[] again = embed(model, "Kündigungsfrist drei Monate zum Quartalsende");
            float[] other = embed(model, "Invoice for March");

            assertThat(first).hasSize(model.info().embeddingLength());
            assertThat(again).containsExactly(first);
            assertThat(other).isNotEqualTo(first);
            double norm = 0;
            for (float v : first) {
                assertThat(Float.isFinite(v)).isTrue();
                norm += v * v;
            }
            assertThat(norm).isPositive();
        }
    }

    @Test
    void aGenerativeContextRefusesToGiveEmbeddings() {
        try (LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
             LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(256))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.embedding(0))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
