package org.hearth.assistant.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.assistant.testing.SharedTinyModel;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny embedding model has random weights: its vectors mean nothing, their mechanics do. */
class EmbeddingsTest {

    private static final List<String> PASSAGES = List.of(
            "Die Kündigungsfrist beträgt drei Monate zum Quartalsende.",
            "Der Mieter zahlt die Miete monatlich im Voraus, spätestens am dritten Werktag.",
            "Invoice RE-20417 for the research licence, EUR 480.00, payable by 1 December.",
            "Das Landgericht München I hat Termin zur mündlichen Verhandlung auf den 3. März bestimmt.",
            "Kurz.",
            "The tenant shall keep the premises in good repair and return them at the end of the lease.");

    @TempDir
    static Path models;

    private static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaRuntime.get().loadModel(TestModels.tinyEmbedding(models));
    }

    @AfterAll
    static void unload() {
        model.close();
    }

    private static Embeddings embeddings(int sequences, int batchSize) {
        return new Embeddings(model, ContextOptions.defaults().withThreads(1).withContextLength(512 * sequences)
                .withSequences(sequences).withBatchSize(batchSize));
    }

    @Test
    void vectorsHaveTheModelsDimensionUnitLengthAndAreDeterministic() {
        try (Embeddings embeddings = embeddings(1, 512)) {
            List<float[]> first = embeddings.embedDocuments(PASSAGES);
            List<float[]> again = embeddings.embedDocuments(PASSAGES);

            assertThat(embeddings.dimension()).isEqualTo(model.info().embeddingLength());
            assertThat(first).hasSize(PASSAGES.size()).allSatisfy(vector -> {
                assertThat(vector).hasSize(embeddings.dimension());
                assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
            });
            for (int i = 0; i < first.size(); i++) {
                assertThat(again.get(i)).containsExactly(first.get(i));
            }
            assertThat(dot(first.get(0), first.get(1))).isLessThan(0.9999);
        }
    }

    /**
     * Several texts per decode, including a decode larger than llama.cpp's 512-token micro-batch.
     * Not bit-identical: llama.cpp splits a multi-sequence decode into micro-batches of equal length
     * per sequence, so the longer texts are summed in another order (components differ by ~4e-4).
     */
    @Test
    void aBatchGivesTheSameVectorsAsOneTextAtATime() {
        List<String> texts = new ArrayList<>(PASSAGES);
        texts.add("Lange Passage: " + "Die Beklagte bestreitet den Mangel der Mietsache mit Nichtwissen. ".repeat(7));
        List<float[]> single;
        try (Embeddings oneByOne = embeddings(1, 512)) {
            single = texts.stream().map(text -> oneByOne.embedDocuments(List.of(text)).getFirst()).toList();
        }
        try (Embeddings batched = embeddings(4, 1024)) {
            List<float[]> together = batched.embedDocuments(texts);

            assertThat(together).hasSize(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                assertThat(1 - dot(together.get(i), single.get(i))).as("cosine distance of text %d", i).isBetween(-1e-6, 1e-4);
            }
        }
    }

    @Test
    void aQueryIsEmbeddedWithTheInstructionAndADocumentWithout() {
        try (Embeddings embeddings = embeddings(2, 512)) {
            String question = "Wie lang ist die Kündigungsfrist?";

            float[] asQuery = embeddings.embedQuery(question);
            float[] asDocument = embeddings.embedDocuments(List.of(question)).getFirst();
            float[] instructed = embeddings.embedDocuments(List.of(Embeddings.QUERY_PREFIX + question)).getFirst();

            assertThat(norm(asQuery)).isCloseTo(1.0, within(1e-5));
            assertThat(dot(asQuery, asDocument)).isLessThan(0.9999);
            assertThat(dot(asQuery, instructed)).isCloseTo(1.0, within(1e-5));
            assertThat(Embeddings.QUERY_PREFIX).startsWith("Instruct: ").endsWith("\nQuery:");
        }
    }

    @Test
    void aTextBeyondTheTokenLimitIsEmbeddedByItsBeginning() {
        try (Embeddings embeddings = embeddings(1, 64)) {
            String head = "x".repeat(embeddings.maxTokens() - 1);

            float[] cut = embeddings.embedDocuments(List.of(head + "y".repeat(200))).getFirst();
            float[] exact = embeddings.embedDocuments(List.of(head)).getFirst();

            assertThat(embeddings.maxTokens()).isEqualTo(64);
            assertThat(cut).containsExactly(exact);
            assertThat(embeddings.modelId()).contains(TestModels.TINY_EMBED).contains("64t");
        }
    }

    @Test
    void blankInputsAreRejectedBeforeAnythingIsEmbeddedAndNoInputGivesNoVectors() {
        try (Embeddings embeddings = embeddings(1, 512)) {
            AtomicInteger checks = new AtomicInteger();

            assertThat(embeddings.embedDocuments(List.of(), () -> checks.incrementAndGet() > 0)).isEmpty();
            assertThatThrownBy(() -> embeddings.embedDocuments(List.of("Text", " \n\t"), () -> checks.incrementAndGet() > 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Text 1");
            assertThatThrownBy(() -> embeddings.embedQuery("")).isInstanceOf(IllegalArgumentException.class);
            assertThat(checks).hasValue(0);
        }
    }

    @Test
    void cancellingStopsTheRunAndLeavesTheEmbeddingsUsable() {
        List<String> many = IntStream.range(0, 12).mapToObj(i -> PASSAGES.get(i % PASSAGES.size())).toList();
        try (Embeddings embeddings = embeddings(1, 512)) {
            float[] before = embeddings.embedDocuments(List.of(PASSAGES.getFirst())).getFirst();
            AtomicInteger checks = new AtomicInteger();

            assertThatThrownBy(() -> embeddings.embedDocuments(many, () -> checks.incrementAndGet() > 3))
                    .isInstanceOf(CancellationException.class);
            assertThatThrownBy(() -> embeddings.embedDocuments(many, () -> true)).isInstanceOf(CancellationException.class);

            assertThat(embeddings.embedDocuments(List.of(PASSAGES.getFirst())).getFirst()).containsExactly(before);
        }
    }

    @Test
    void aModelWithoutPoolingIsRefused() {
        assertThatThrownBy(() -> new Embeddings(SharedTinyModel.get(), ContextOptions.defaults().withThreads(1).withContextLength(256)))
                .isInstanceOf(LlamaException.class).hasMessageContaining("not an embedding model");
    }

    private static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
