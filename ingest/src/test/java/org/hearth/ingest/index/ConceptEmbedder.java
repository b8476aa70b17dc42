package org.hearth.ingest.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for an embedding model: a bag of words hashed into a few dimensions,
 * where words of one meaning (across German and English) share a concept and so a dimension. Text
 * about a "Mietsicherheit" that is "zurückgezahlt" thus lies close to a query for a "deposit refund"
 * without a word in common, which is what a real model does and BM25 cannot.
 */
final class ConceptEmbedder implements Embedder {

    static final int DIMENSION = 64;
    private static final Map<String, String> CONCEPTS = Map.ofEntries(
            Map.entry("mietsicherheit", "deposit"), Map.entry("kaution", "deposit"), Map.entry("deposit", "deposit"),
            Map.entry("zurückgezahlt", "repay"), Map.entry("rückzahlung", "repay"), Map.entry("refund", "repay"),
            Map.entry("vermieter", "landlord"), Map.entry("landlord", "landlord"),
            Map.entry("kündigung", "termination"), Map.entry("termination", "termination"));

    private final String modelId;
    private final int dimension;

    ConceptEmbedder() {
        this("concept-test-1", DIMENSION);
    }

    ConceptEmbedder(String modelId, int dimension) {
        this.modelId = modelId;
        this.dimension = dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(text);
    }

    /** Words shorter than four letters are left out: they are mostly function words, i.e. noise. */
    private float[] embed(String text) {
        float[] vector = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\P{L}+")) {
            if (word.length() >= 4) {
                vector[Math.floorMod(CONCEPTS.getOrDefault(word, word).hashCode(), dimension)] += 1;
            }
        }
        return vector;
    }
}
