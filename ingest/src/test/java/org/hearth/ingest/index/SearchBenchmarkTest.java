package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void builds_an_index_of_the_asked_size_and_times_both_kinds_of_search() throws Exception {
        List<String> progress = new ArrayList<>();

        SearchBenchmark.Result result = SearchBenchmark.run(dir.resolve("bench"), 500, 16, 30, 7, progress::add);

        assertThat(result.chunks()).isEqualTo(500);
        assertThat(result.chunksPerSecond()).isPositive();
        assertThat(result.indexBytes()).isPositive();
        assertThat(result.bm25().p50Millis()).isPositive().isLessThanOrEqualTo(result.bm25().p99Millis());
        assertThat(result.hybrid().p50Millis()).isPositive().isLessThanOrEqualTo(result.hybrid().p99Millis());
        assertThat(progress).contains("timing 30 hybrid queries");
        assertThat(result.summary()).startsWith("500 chunks × 16 dimensions");
        try (var directory = FSDirectory.open(dir.resolve("bench")); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(searcher.count(IndexSchema.kind(IndexSchema.KIND_CHUNK))).isEqualTo(500);
            assertThat(reader.leaves().getFirst().reader().getFloatVectorValues(IndexSchema.vectorField(16))).isNotNull();
        }
    }

    @Test
    void refuses_a_folder_that_holds_something() throws Exception {
        Files.createDirectories(dir.resolve("bench"));
        Files.writeString(dir.resolve("bench/notes.txt"), "keep me");

        assertThatThrownBy(() -> SearchBenchmark.run(dir.resolve("bench"), 10, 4, 1, 1, line -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("bench/notes.txt")).exists();
    }
}
