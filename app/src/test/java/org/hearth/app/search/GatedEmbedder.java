package org.hearth.app.search;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hearth.ingest.index.Embedder;

/**
 * An embedding model whose query embeddings wait until the test opens the gate, the way a real one takes a second
 * or two: the test sees when a query's embedding started and decides when it ends. Documents embed at once, as a
 * bag of hashed words, so passages sharing a word with the query lie close to it.
 */
final class GatedEmbedder implements Embedder {

    private static final int DIMENSION = 32;

    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String modelId() {
        return "gated-test-1";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return texts.stream().map(GatedEmbedder::embed).toList();
    }

    @Override
    public float[] embedQuery(String text) {
        started.add(text);
        try {
            if (!gate.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return embed(text);
    }

    /** Waits until a query's embedding has started; null when none did within the time. */
    String nextStarted(long seconds) throws InterruptedException {
        return started.poll(seconds, TimeUnit.SECONDS);
    }

    /** From now on query embeddings finish at once. */
    void open() {
        gate.countDown();
    }

    private static float[] embed(String text) {
        float[] vector = new float[DIMENSION];
        vector[0] = 0.01f; // never the zero vector, which cannot be normalised
        for (String word : text.toLowerCase(Locale.ROOT).split("\\P{L}+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        return vector;
    }
}
