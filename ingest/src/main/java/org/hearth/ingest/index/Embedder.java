package org.hearth.ingest.index;

import java.util.List;

/**
 * Turns text into vectors for semantic search. The app adapts its local embedding model to this;
 * ingest knows no model. Vectors need not be unit length (the index normalises them), but documents
 * and queries must come from the same model, which may embed them differently (instructions,
 * prefixes).
 */
public interface Embedder {

    /** Names the model and its version: vectors of different ids are never mixed in one search. */
    String modelId();

    int dimension();

    /** One vector of {@link #dimension()} floats per text, in order. */
    List<float[]> embedDocuments(List<String> texts);

    float[] embedQuery(String text);
}
