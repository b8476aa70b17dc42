package org.hearth.ingest.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Calls the {@link Embedder} in batches a cancel can come between, and checks and normalises what it returns. */
final class Embeddings {

    /** Small enough that cancelling a large file's embedding takes effect within a few seconds on a CPU. */
    private static final int BATCH = 16;

    private Embeddings() {
    }

    /** Model and dimension: what a file's vectors are recorded as coming from. */
    static String identity(Embedder embedder) {
        return embedder.modelId() + "@" + embedder.dimension();
    }

    static int dimensionOf(String identity) {
        return Integer.parseInt(identity.substring(identity.lastIndexOf('@') + 1));
    }

    /** Unit vectors for {@code texts}; null where the model gave a zero vector. */
    static List<float[]> documents(Embedder embedder, List<String> texts, BooleanSupplier cancelled) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("embedding was cancelled");
            }
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            List<float[]> embedded = embedder.embedDocuments(batch);
            if (embedded.size() != batch.size()) {
                throw new IllegalStateException("the embedding model returned " + embedded.size() + " vectors for " + batch.size() + " texts");
            }
            for (float[] vector : embedded) {
                vectors.add(unit(embedder, vector));
            }
        }
        return vectors;
    }

    static float[] query(Embedder embedder, String text) {
        return unit(embedder, embedder.embedQuery(text));
    }

    private static float[] unit(Embedder embedder, float[] vector) {
        if (vector.length != embedder.dimension()) {
            throw new IllegalStateException("the embedding model returned " + vector.length + " dimensions instead of " + embedder.dimension());
        }
        return normalise(vector);
    }

    /** A unit-length copy, or null for a vector without a direction (all zero, or not finite). */
    static float[] normalise(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        if (!(squares > 0) || Double.isInfinite(squares)) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(squares));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
