package org.hearth.app.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hearth.assistant.embedding.Embeddings;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;

/**
 * How long embedding one search question takes: the part of a hybrid search that the index benchmark leaves out.
 * Typical questions, each embedded alone as the Search tab does, after a warm-up.
 */
public final class QueryEmbeddingBenchmark {

    public record Result(double p50Millis, double p99Millis, double meanTokens) {
    }

    private static final List<String> QUESTIONS = List.of(
            "Welche Kündigungsfrist haben wir mit der Müller GmbH vereinbart?",
            "Bis wann muss die Replik im Verfahren 12 O 345/24 eingereicht werden?",
            "What notice period did we agree with Smith Ltd for the office lease?",
            "Wer ist Ansprechpartner bei der Gegenseite im Mietrechtsstreit Becker?",
            "Haftungsbeschränkung für leichte Fahrlässigkeit im Rahmenvertrag",
            "Which court has jurisdiction under the supply agreement?",
            "Vertragsstrafe bei Verstoß gegen das Wettbewerbsverbot",
            "Höhe der Mietsicherheit und Rückzahlung nach Vertragsende");
    private static final int ROUNDS = 6;

    private QueryEmbeddingBenchmark() {
    }

    public static Result run(Path modelFile, int threads) {
        try (LlamaModel model = LlamaRuntime.get().loadModel(modelFile, fraction -> true);
             Embeddings embeddings = new Embeddings(model, ContextOptions.defaults().withThreads(threads).withContextLength(512))) {
            QUESTIONS.forEach(embeddings::embedQuery); // warm-up
            double[] millis = new double[QUESTIONS.size() * ROUNDS];
            int i = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String question : QUESTIONS) {
                    long start = System.nanoTime();
                    embeddings.embedQuery(question);
                    millis[i++] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            double tokens = QUESTIONS.stream().mapToInt(q -> model.tokenize(q, true, false).length).average().orElse(0);
            return new Result(percentile(millis, 0.50), percentile(millis, 0.99), tokens);
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
