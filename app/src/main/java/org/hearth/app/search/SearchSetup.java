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
 * search is hybrid, else keywords only, and the index says so. A model installed later joins the open index.
 */
public final class SearchSetup implements AutoCloseable {

    /** Texts per embedding decode: enough to fill a CPU's matrix units, small next to the model. */
    private static final int EMBEDDING_SEQUENCES = 8;
    private static final int EMBEDDING_TOKENS_PER_TEXT = 512;

    private final SearchIndex index;
    private final int threads;
    /** Null until an embedding model is in use. */
    private LoadedModel embedding;

    private SearchSetup(SearchIndex index, int threads, LoadedModel embedding) {
        this.index = index;
        this.threads = threads;
        this.embedding = embedding;
    }

    /**
     * @param embeddingFile the embedding GGUF to use; empty = the catalog's embedding model if it is installed
     * @param threads       0 = all cores
     */
    public static SearchSetup open(HearthPaths paths, Optional<Path> embeddingFile, int threads) throws IOException {
        Optional<Path> file = embeddingFile.or(() -> Optional.of(paths.models().resolve(ModelCatalog.embeddingModel().fileName()))
                .filter(Files::isRegularFile));
        LoadedModel model = file.isPresent() ? LoadedModel.load(file.get(), threads) : null;
        try {
            SearchIndex index = SearchIndex.open(paths.index(), Optional.ofNullable(model).map(m -> new ModelEmbedder(m.embeddings())));
            return new SearchSetup(index, threads, model);
        } catch (IOException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    public SearchIndex index() {
        return index;
    }

    public synchronized boolean hasEmbeddings() {
        return embedding != null;
    }

    /**
     * Loads the embedding model in {@code file} and lets the index use it (see {@link SearchIndex#useEmbedder}); does
     * nothing when one is in use already.
     */
    public synchronized void useEmbeddingModel(Path file) {
        if (embedding != null) {
            return;
        }
        LoadedModel model = LoadedModel.load(file, threads);
        try {
            index.useEmbedder(new ModelEmbedder(model.embeddings()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        embedding = model;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            index.close();
        } finally {
            if (embedding != null) {
                embedding.close();
            }
        }
    }

    /** The embedding model's weights and the context that embeds with them, closed together. */
    private record LoadedModel(LlamaModel model, Embeddings embeddings) {

        static LoadedModel load(Path file, int threads) {
            LlamaModel model = LlamaRuntime.get().loadModel(file, fraction -> true);
            try {
                ContextOptions options = ContextOptions.defaults().withSequences(EMBEDDING_SEQUENCES)
                        .withContextLength(EMBEDDING_SEQUENCES * EMBEDDING_TOKENS_PER_TEXT)
                        .withBatchSize(EMBEDDING_SEQUENCES * EMBEDDING_TOKENS_PER_TEXT);
                return new LoadedModel(model, new Embeddings(model, threads > 0 ? options.withThreads(threads) : options));
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }

        void close() {
            embeddings.close();
            model.close();
        }
    }
}
