package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hearth.domain.Language;

/**
 * How fast the index builds and answers at a given size, without documents or an embedding model:
 * generated legal-ish chunks (see {@link BenchmarkText}) with random unit vectors, written with the
 * index's own schema, codec and analysis, then timed searches through the index's own ranking and
 * hit building. Query embedding is not included (the query vector is random, too); the model's time
 * per query comes on top. {@code hearth bench search} calls this.
 */
public final class SearchBenchmark {

    /** Chunks per made-up file, which only matters for the stored fields. */
    private static final int CHUNKS_PER_FILE = 20;
    private static final int TOP = 10;

    public record Latency(double p50Millis, double p99Millis) {
    }

    /**
     * @param buildTime       adding every chunk, committing, and waiting for merges to finish
     * @param buildCpuTime    CPU time of the whole process meanwhile (merge threads included): on a
     *                        busy machine a fairer measure of the work than the wall-clock time
     * @param chunksPerSecond chunks / buildTime
     * @param indexBytes      the index's size on disk
     */
    public record Result(int chunks, int dimension, int queries, Duration buildTime, Duration buildCpuTime, double chunksPerSecond,
                         long indexBytes, Latency bm25, Latency hybrid) {

        public String summary() {
            return String.format(Locale.ROOT,
                    "%d chunks × %d dimensions: built in %.1f s, %.1f s CPU (%.0f chunks/s), %.0f MB on disk; "
                            + "BM25 p50 %.2f ms p99 %.2f ms; hybrid p50 %.2f ms p99 %.2f ms (%d queries, without query embedding)",
                    chunks, dimension, buildTime.toMillis() / 1000.0, buildCpuTime.toMillis() / 1000.0, chunksPerSecond,
                    indexBytes / 1_000_000.0, bm25.p50Millis(), bm25.p99Millis(), hybrid.p50Millis(), hybrid.p99Millis(), queries);
        }
    }

    private SearchBenchmark() {
    }

    /**
     * @param dir an empty or missing folder for the benchmark's index; it stays there afterwards
     */
    public static Result run(Path dir, int chunks, int dimension, int queries, long seed, Consumer<String> progress) throws IOException {
        if (chunks < 1 || dimension < 1 || queries < 1) {
            throw new IllegalArgumentException("chunks, dimension and queries must be positive");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the benchmark needs an empty folder for its index");
                }
            }
        }
        Files.createDirectories(dir);
        BenchmarkText text = new BenchmarkText(seed);
        try (Directory directory = FSDirectory.open(dir)) {
            Duration cpuBefore = processCpuTime();
            Duration buildTime = build(directory, text, chunks, dimension, progress);
            Duration buildCpuTime = processCpuTime().minus(cpuBefore);
            long bytes = size(dir);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> queryTexts = new ArrayList<>();
                List<float[]> queryVectors = new ArrayList<>();
                for (int i = 0; i < queries; i++) {
                    queryTexts.add(text.query(i % 3 == 2 ? Language.ENGLISH : Language.GERMAN));
                    queryVectors.add(text.unitVector(dimension));
                }
                progress.accept("warming up");
                for (int i = 0; i < Math.min(queries, 200); i++) {
                    search(searcher, queryTexts.get(i), null);
                    search(searcher, queryTexts.get(i), queryVectors.get(i));
                }
                progress.accept("timing " + queries + " BM25 queries");
                Latency bm25 = time(searcher, queryTexts, null);
                progress.accept("timing " + queries + " hybrid queries");
                Latency hybrid = time(searcher, queryTexts, queryVectors);
                return new Result(chunks, dimension, queries, buildTime, buildCpuTime, chunks / (buildTime.toNanos() / 1e9), bytes, bm25, hybrid);
            }
        }
    }

    private static Duration build(Directory directory, BenchmarkText text, int chunks, int dimension, Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(directory, IndexSchema.writerConfig(IndexSettings.defaults()))) {
            List<Document> file = new ArrayList<>();
            FileRecord record = null;
            int offset = 0;
            for (int i = 0; i < chunks; i++) {
                if (i % CHUNKS_PER_FILE == 0) {
                    String hash = String.format(Locale.ROOT, "%064x", i);
                    record = new FileRecord("benchmark", Path.of("benchmark", "akte-" + i / CHUNKS_PER_FILE + ".pdf"), hash, 0, 0, 0,
                            "benchmark@" + dimension, CHUNKS_PER_FILE, Optional.empty());
                    offset = 0;
                }
                Language language = text.nextLanguage();
                String chunkText = text.chunk(language, Chunker.TARGET - 50);
                Chunk chunk = new Chunk(i % CHUNKS_PER_FILE, chunkText, offset, offset + chunkText.length(),
                        OptionalInt.of(1 + i % CHUNKS_PER_FILE), Optional.empty(), false);
                offset += chunkText.length() + Chunker.SEPARATOR.length();
                file.add(IndexSchema.chunk(record, language, chunk, text.unitVector(dimension)));
                if (file.size() == CHUNKS_PER_FILE || i == chunks - 1) {
                    file.addFirst(IndexSchema.record(record));
                    writer.addDocuments(file);
                    file.clear();
                }
                if ((i + 1) % 10_000 == 0) {
                    progress.accept(String.format(Locale.ROOT, "indexed %d of %d chunks (%.0f s)", i + 1, chunks,
                            (System.nanoTime() - start) / 1e9));
                }
            }
            progress.accept("committing and merging");
            writer.commit();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Latency time(IndexSearcher searcher, List<String> queries, List<float[]> vectors) throws IOException {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            search(searcher, queries.get(i), vectors == null ? null : vectors.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latency(percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6);
    }

    /** What {@link SearchIndex#search} does after embedding the query: analysis, ranking, snippets. */
    private static void search(IndexSearcher searcher, String query, float[] vector) throws IOException {
        QueryTerms terms = QueryTerms.of(query);
        List<ChunkSearch.Candidate> ranked = ChunkSearch.rank(searcher, terms, vector, null, ChunkSearch.CANDIDATES);
        ChunkSearch.hits(searcher, ranked, terms, TOP);
    }

    private static Duration processCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
