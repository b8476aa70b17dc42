package org.hearth.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.index.Embedder;
import org.hearth.ingest.index.IndexListener;
import org.hearth.ingest.index.SearchIndex;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches over a real index: keyword hits at once, the hybrid ranking after the query's embedding, stale ones dropped. */
class TwoStepSearchTest {

    @TempDir
    Path dir;

    private Path folder;
    private final GatedEmbedder embedder = new GatedEmbedder();

    @BeforeEach
    void writeFiles() throws IOException {
        folder = Files.createDirectories(dir.resolve("akten"));
        Files.writeString(folder.resolve("mueller.txt"), "Die Kündigungsfrist mit der Müller GmbH beträgt drei Monate zum Quartalsende.");
        Files.writeString(folder.resolve("kaution.txt"), "Die Mietsicherheit wird nach dem Auszug zurückgezahlt.");
    }

    @Test
    void keyword_hits_come_at_once_then_the_hybrid_ranking_and_a_newer_search_drops_the_older_refinement() throws Exception {
        try (SearchIndex index = indexed(Optional.of(embedder)); TwoStepSearch searches = new TwoStepSearch()) {
            SearchRecorder first = new SearchRecorder();
            searches.search(index, "Kündigungsfrist", Optional.empty(), 10, first);

            assertThat(first.events).as("the keyword hits are there before search returns")
                    .containsExactly("found KEYWORDS_REFINING [mueller.txt]");
            assertThat(embedder.nextStarted(60)).as("the query's embedding is under way").isNotNull();

            SearchRecorder second = new SearchRecorder();
            searches.search(index, "Mietsicherheit", Optional.of("akten"), 10, second);
            assertThat(second.events).containsExactly("found KEYWORDS_REFINING [kaution.txt]");

            embedder.open();
            Results refined = second.refined.get(1, TimeUnit.MINUTES);
            assertThat(refined.ranking()).isEqualTo(Ranking.HYBRID);
            assertThat(SearchRecorder.files(refined).getFirst()).isEqualTo("kaution.txt");
            assertThat(second.events).hasSize(2);
            // Refinements run one at a time in order, so the first one's has ended by now: dropped, not reported.
            assertThat(first.events).containsExactly("found KEYWORDS_REFINING [mueller.txt]");
        }
    }

    @Test
    void without_a_model_or_before_the_vectors_are_there_the_keyword_hits_are_all_and_say_why() throws Exception {
        try (SearchIndex index = indexed(Optional.empty()); TwoStepSearch searches = new TwoStepSearch()) {
            SearchRecorder noModel = new SearchRecorder();
            searches.search(index, "Kündigungsfrist", Optional.empty(), 10, noModel);

            index.useEmbedder(embedder);
            SearchRecorder indexing = new SearchRecorder();
            searches.search(index, "Kündigungsfrist", Optional.empty(), 10, indexing);

            assertThat(noModel.events).containsExactly("found KEYWORDS_NO_MODEL [mueller.txt]");
            assertThat(indexing.events).containsExactly("found KEYWORDS_INDEXING [mueller.txt]");
            assertThat(indexing.found.get().filesWaiting()).isEqualTo(2);
            assertThat(embedder.nextStarted(0)).as("no query was embedded").isNull();
        }
    }

    private SearchIndex indexed(Optional<Embedder> model) throws IOException {
        SearchIndex index = SearchIndex.open(dir.resolve("index"), model);
        index.addFolder("akten", folder);
        assertThat(index.index(null, DocumentSource.inProcess(), IndexListener.none(), () -> false).indexed()).isEqualTo(2);
        return index;
    }
}
