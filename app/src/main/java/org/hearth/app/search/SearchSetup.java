package org.hearth.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.embedding.Embeddings;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.ingest.index.SearchIndex;

/**
 * The search index in Hearth's data folder, with the embedding model when one is installed (or named): then
 * search is hybrid, else keywords only, and the index says so.
 */
public final class SearchSetup implements AutoCloseable {

    /** Texts per embedding decode: enough to fill a CPU's matrix units, small next to the model. */
    private static final int EMBEDDING_SEQUENCES = 8;
    private static final int EMBEDDING_TOKENS_PER_TEXT = 512;

    private final LlamaModel embeddingModel;
    private final Embeddings embeddings;
    private final SearchIndex index;

    private SearchSetup(LlamaModel embeddingModel, Embeddings embeddings, SearchIndex index) {
        this.embeddingModel = embeddingModel;
        this.embeddings = embeddings;
        this.index = index;
    }

    /**
     * @param embeddingFile the embedding GGUF to use; empty = the catalog's embedding model if it is installed
     * @param threads       0 = all cores
     */
    public static SearchSetup open(HearthPaths paths, Optional<Path> embeddingFile, int threads) throws IOException {
        Optional<Path> file = embeddingFile.or(() -> Optional.of(paths.models().resolve(ModelCatalog.embeddingModel().fileName()))
                .filter(Files::isRegularFile));
        LlamaModel model = null;
        Embeddings embeddings = null;
        try {
            if (file.isPresent()) {
                model = LlamaRuntime.get().loadModel(file.get(), fraction -> true);
                ContextOptions options = ContextOptions.defaults().withSequences(EMBEDDING_SEQUENCES)
                        .withContextLength(EMBEDDING_SEQUENCES * EMBEDDING_TOKENS_PER_TEXT)
                        .withBatchSize(EMBEDDING_SEQUENCES * EMBEDDING_TOKENS_PER_TEXT);
                embeddings = new Embeddings(model, threads > 0 ? options.withThreads(threads) : options);
            }
            SearchIndex index = SearchIndex.open(paths.index(), Optional.ofNullable(embeddings).map(ModelEmbedder::new));
            return new SearchSetup(model, embeddings, index);
        } catch (IOException | RuntimeException e) {
            if (embeddings != null) {
                embeddings.close();
            }
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    public SearchIndex index() {
        return index;
    }

    public boolean hasEmbeddings() {
        return embeddings != null;
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            if (embeddings != null) {
                embeddings.close();
                embeddingModel.close();
            }
        }
    }
}
