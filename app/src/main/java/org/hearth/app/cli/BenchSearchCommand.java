package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.hearth.app.bench.QueryEmbeddingBenchmark;
import org.hearth.app.bench.ScratchFolder;
import org.hearth.ingest.index.SearchBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search latency (p50/p99, BM25 and hybrid, without the query embedding) and indexing throughput "
                + "over a generated index of N passages with random unit vectors.")
final class BenchSearchCommand extends BenchRun<BenchSearchCommand.Measured> {

    /** The search timings, and the query embeddings' when an embedding model was given. */
    record Measured(SearchBenchmark.Result search, Optional<QueryEmbeddingBenchmark.Result> embedding) {
    }

    @Option(names = "--chunks", paramLabel = "N", required = true, description = "Passages in the generated index.")
    int chunks;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "1024",
            description = "Vector size (default: ${DEFAULT-VALUE}, Qwen3-Embedding-0.6B's).")
    int dimension;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "1000", description = "Timed queries per mode (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--embedding-model", paramLabel = "FILE",
            description = "Also time query embeddings with this embedding GGUF (reported separately).")
    Path embeddingModel;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the query embeddings (default: all cores).")
    Integer threads;

    @Override
    Measured measure(Consumer<String> progress, Cancellation cancelled) throws Exception {
        SearchBenchmark.Result search;
        try (ScratchFolder dir = ScratchFolder.create("hearth-bench-search")) {
            search = SearchBenchmark.run(dir.path(), chunks, dimension, queries, 20_261_121L, progress);
        }
        return new Measured(search, embeddingModel == null ? Optional.empty()
                : Optional.of(QueryEmbeddingBenchmark.run(embeddingModel, threadsOrAllCores(threads))));
    }

    @Override
    void report(Measured measured, ObjectNode node) {
        SearchBenchmark.Result result = measured.search();
        node.put("chunks", result.chunks());
        node.put("dimension", result.dimension());
        node.put("queries", result.queries());
        node.put("build_seconds", result.buildTime().toMillis() / 1000.0);
        node.put("chunks_per_second", result.chunksPerSecond());
        node.put("index_bytes", result.indexBytes());
        node.put("bm25_p50_ms", result.bm25().p50Millis());
        node.put("bm25_p99_ms", result.bm25().p99Millis());
        node.put("hybrid_p50_ms", result.hybrid().p50Millis());
        node.put("hybrid_p99_ms", result.hybrid().p99Millis());
        measured.embedding().ifPresent(e -> {
            node.put("query_embedding_p50_ms", e.p50Millis());
            node.put("query_embedding_p99_ms", e.p99Millis());
            node.put("query_embedding_tokens", e.meanTokens());
        });
    }

    @Override
    void print(Measured measured, String machine, PrintWriter out) {
        out.println(measured.search().summary());
        measured.embedding().ifPresent(e -> out.printf(Locale.ROOT, "query embedding p50 %.1f ms p99 %.1f ms (%.0f tokens per query, %s)%n",
                e.p50Millis(), e.p99Millis(), e.meanTokens(), embeddingModel.getFileName()));
        out.println("machine  " + machine);
    }
}
