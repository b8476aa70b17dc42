package org.hearth.app.search;

import java.util.List;
import org.hearth.assistant.embedding.Embeddings;
import org.hearth.ingest.index.Embedder;

/** The local embedding model, as the index asks for vectors. */
final class ModelEmbedder implements Embedder {

    private final Embeddings embeddings;

    ModelEmbedder(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public String modelId() {
        return embeddings.modelId();
    }

    @Override
    public int dimension() {
        return embeddings.dimension();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return embeddings.embedDocuments(texts);
    }

    @Override
    public float[] embedQuery(String text) {
        return embeddings.embedQuery(text);
    }
}
