package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors next to BM25: fusion, the BM25-only fallback and what changing the embedding model does. */
class HybridSearchTest {

    private static final String BY_MEANING = "Die Mietsicherheit wird nach dem Auszug zurückgezahlt.";
    private static final String BY_WORD = "The refund of overpaid service charges is due in March.";

    @TempDir
    Path dir;

    private Path folder;
    private final CountingSource source = new CountingSource();

    @BeforeEach
    void writeFiles() throws IOException {
        folder = Files.createDirectories(dir.resolve("akten"));
        Files.writeString(folder.resolve("kaution.txt"), BY_MEANING);
        Files.writeString(folder.resolve("charges.txt"), BY_WORD);
        Files.writeString(folder.resolve("klage.txt"), "Der Beklagte beantragt die Abweisung der Klage als unbegründet.");
        Files.writeString(folder.resolve("hearing.txt"), "The court adjourned the hearing until further order.");
    }

    @Test
    void hybrid_search_finds_by_meaning_what_keywords_miss() throws IOException {
        try (SearchIndex index = indexed(Optional.of(new ConceptEmbedder()))) {
            SearchResponse keywords = index.search("deposit refund", SearchRequest.bm25(10));
            SearchResponse hybrid = index.search("deposit refund", SearchRequest.hybrid(10));

            assertThat(keywords.hybrid()).isFalse();
            assertThat(keywords.hits()).extracting(Hit::fileName).containsExactly("charges.txt");
            assertThat(hybrid.hybrid()).isTrue();
            assertThat(hybrid.bm25OnlyReason()).isEmpty();
            assertThat(index.whyKeywordsOnly()).isEmpty();
            assertThat(hybrid.hits().subList(0, 2)).extracting(Hit::fileName).containsExactlyInAnyOrder("kaution.txt", "charges.txt");
            Hit byMeaning = hybrid.hits().stream().filter(hit -> hit.fileName().equals("kaution.txt")).findFirst().orElseThrow();
            Hit byWord = hybrid.hits().stream().filter(hit -> hit.fileName().equals("charges.txt")).findFirst().orElseThrow();
            assertThat(byMeaning.bm25Score()).isEmpty();
            assertThat(byMeaning.termCoverage()).isZero();
            assertThat(byMeaning.vectorSimilarity().orElseThrow()).isGreaterThan(byWord.vectorSimilarity().orElseThrow());
            assertThat(byWord.bm25Score()).isPresent();
        }
    }

    @Test
    void the_word_found_in_both_lists_ranks_first_by_reciprocal_rank_fusion() throws IOException {
        try (SearchIndex index = indexed(Optional.of(new ConceptEmbedder()))) {
            List<Hit> hits = index.search("deposit refund", SearchRequest.hybrid(10)).hits();

            // charges.txt: first by BM25 and second by vectors; kaution.txt: first by vectors only
            assertThat(hits.get(0).fileName()).isEqualTo("charges.txt");
            assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
            assertThat(hits.get(1).score()).isEqualTo(1.0 / (ChunkSearch.RRF_K + 1));
        }
    }

    @Test
    void without_an_embedding_model_search_uses_keywords_only_and_says_so() throws IOException {
        try (SearchIndex index = indexed(Optional.empty())) {
            SearchResponse response = index.search("deposit refund", SearchRequest.hybrid(10));

            assertThat(response.hybrid()).isFalse();
            assertThat(response.bm25OnlyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("No embedding model"));
            assertThat(index.whyKeywordsOnly()).isEqualTo(response.bm25OnlyReason());
            assertThat(response.hits()).extracting(Hit::fileName).containsExactly("charges.txt");
        }
    }

    @Test
    void a_new_embedding_model_gets_vectors_from_the_stored_text_and_until_then_search_says_bm25_only() throws IOException {
        indexed(Optional.of(new ConceptEmbedder())).close();
        source.reset();

        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), Optional.of(new ConceptEmbedder("concept-test-2", 32)))) {
            SearchResponse before = index.search("deposit refund", SearchRequest.hybrid(10));
            Optional<String> whyBefore = index.whyKeywordsOnly();
            IndexResult result = index.index(null, source, IndexListener.none(), () -> false);
            SearchResponse after = index.search("deposit refund", SearchRequest.hybrid(10));

            assertThat(before.hybrid()).isFalse();
            assertThat(before.bm25OnlyReason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("4 files still need vectors"));
            assertThat(whyBefore).isEqualTo(before.bm25OnlyReason());
            assertThat(result.reembedded()).isEqualTo(4);
            assertThat(source.read()).isEmpty();
            assertThat(after.hybrid()).isTrue();
            assertThat(index.whyKeywordsOnly()).isEmpty();
            assertThat(after.hits()).extracting(Hit::fileName).contains("kaution.txt");
        }
    }

    @Test
    void a_model_installed_while_the_index_is_open_ranks_by_meaning_after_the_next_run() throws IOException {
        try (SearchIndex index = indexed(Optional.empty())) {
            assertThat(index.hasEmbedder()).isFalse();
            assertThat(index.filesAwaitingVectors()).isEqualTo(4);

            index.useEmbedder(new ConceptEmbedder());
            SearchResponse before = index.search("deposit refund", SearchRequest.hybrid(10));
            int waitingBefore = index.filesAwaitingVectors();
            source.reset();
            IndexResult result = index.index(null, source, IndexListener.none(), () -> false);
            SearchResponse after = index.search("deposit refund", SearchRequest.hybrid(10));

            assertThat(index.hasEmbedder()).isTrue();
            assertThat(before.hybrid()).isFalse();
            assertThat(before.bm25OnlyReason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("4 files still need vectors"));
            assertThat(waitingBefore).isEqualTo(4);
            assertThat(result.reembedded()).isEqualTo(4);
            assertThat(source.read()).as("vectors come from the stored text").isEmpty();
            assertThat(index.filesAwaitingVectors()).isZero();
            assertThat(after.hybrid()).isTrue();
            assertThat(after.hits()).extracting(Hit::fileName).contains("kaution.txt");
        }
    }

    @Test
    void files_indexed_before_a_model_was_installed_get_vectors_once_it_is() throws IOException {
        indexed(Optional.empty()).close();
        source.reset();

        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), Optional.of(new ConceptEmbedder()))) {
            IndexResult result = index.index(null, source, IndexListener.none(), () -> false);

            assertThat(result.reembedded()).isEqualTo(4);
            assertThat(source.read()).isEmpty();
            assertThat(index.search("deposit refund", SearchRequest.hybrid(10)).hybrid()).isTrue();
        }
    }

    @Test
    void a_renamed_file_keeps_its_vectors() throws IOException {
        try (SearchIndex index = indexed(Optional.of(new ConceptEmbedder()))) {
            Files.move(folder.resolve("kaution.txt"), folder.resolve("mietsicherheit.txt"));
            IndexResult result = index.index(null, source, IndexListener.none(), () -> false);

            assertThat(result.renamed()).isEqualTo(1);
            assertThat(index.search("deposit refund", SearchRequest.hybrid(10)).hits())
                    .filteredOn(hit -> hit.fileName().equals("mietsicherheit.txt"))
                    .singleElement().satisfies(hit -> assertThat(hit.vectorSimilarity()).isPresent());
        }
    }

    @Test
    void a_failing_embedding_model_on_a_query_falls_back_to_keywords() throws IOException {
        ConceptEmbedder working = new ConceptEmbedder();
        Embedder failsOnQueries = new Embedder() {
            @Override
            public String modelId() {
                return working.modelId();
            }

            @Override
            public int dimension() {
                return working.dimension();
            }

            @Override
            public List<float[]> embedDocuments(List<String> texts) {
                return working.embedDocuments(texts);
            }

            @Override
            public float[] embedQuery(String text) {
                throw new IllegalStateException("model crashed");
            }
        };
        try (SearchIndex index = indexed(Optional.of(failsOnQueries))) {
            SearchResponse response = index.search("deposit refund", SearchRequest.hybrid(10));

            assertThat(response.hybrid()).isFalse();
            assertThat(response.bm25OnlyReason()).hasValueSatisfying(reason -> assertThat(reason).contains("failed"));
            assertThat(response.hits()).extracting(Hit::fileName).containsExactly("charges.txt");
        }
    }

    @Test
    void every_file_is_committed_and_keyword_searchable_before_the_first_passage_is_embedded() throws IOException {
        ConceptEmbedder concept = new ConceptEmbedder();
        SearchIndex[] opened = new SearchIndex[1];
        List<SearchResponse> seenWhenEmbeddingStarted = new java.util.ArrayList<>();
        Embedder watching = new Embedder() {
            @Override
            public String modelId() {
                return concept.modelId();
            }

            @Override
            public int dimension() {
                return concept.dimension();
            }

            @Override
            public List<float[]> embedDocuments(List<String> texts) {
                if (seenWhenEmbeddingStarted.isEmpty()) {
                    try {
                        seenWhenEmbeddingStarted.add(opened[0].search("hearing adjourned", SearchRequest.hybrid(10)));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return concept.embedDocuments(texts);
            }

            @Override
            public float[] embedQuery(String text) {
                return concept.embedQuery(text);
            }
        };
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), Optional.of(watching))) {
            opened[0] = index;
            index.addFolder("akten", folder);

            IndexResult result = index.index(null, source, IndexListener.none(), () -> false);

            assertThat(seenWhenEmbeddingStarted).singleElement().satisfies(early -> {
                assertThat(early.hybrid()).isFalse();
                assertThat(early.bm25OnlyReason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("4 files still need vectors"));
                assertThat(early.hits()).extracting(Hit::fileName).contains("hearing.txt");
            });
            assertThat(result.indexed()).isEqualTo(4);
            assertThat(result.reembedded()).isEqualTo(4);
            assertThat(source.read()).as("each file is read once").hasSize(4);
            assertThat(index.search("deposit refund", SearchRequest.hybrid(10)).hybrid()).isTrue();
        }
    }

    private SearchIndex indexed(Optional<Embedder> embedder) throws IOException {
        SearchIndex index = SearchIndex.open(dir.resolve("index"), embedder);
        index.addFolder("akten", folder);
        IndexResult result = index.index(null, source, IndexListener.none(), () -> false);
        assertThat(result.indexed()).isEqualTo(4);
        return index;
    }
}
