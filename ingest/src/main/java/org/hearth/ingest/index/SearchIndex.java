package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index: collections of folders, their files cut into chunks, searchable by keywords
 * (BM25, German and English analysis) and, when an embedding model is installed, by meaning
 * (HNSW vectors), the two fused by reciprocal rank fusion.
 *
 * <p>Crash safety rests on Lucene's commit points: only committed states are ever opened, each
 * file's documents change in one call, and commits fall between files, so after a crash (even
 * kill -9) the index opens at the last commit with whole files only. The collections and their
 * folders are part of the commit data, so they cannot disagree with the index either.
 *
 * <p>Vectors: each file remembers the embedding model (id and dimension) its vectors came from.
 * With a different model than that, the next {@link #index} run computes new vectors from the
 * stored text (no file is read again); until every file has vectors of the current model, search
 * uses keywords only and says so. Without an embedding model, search uses keywords only.
 *
 * <p>An index whose folder cannot be written (a read-only share, a copy on a DVD) opens for search
 * only: without Lucene's write.lock, at its last commit; changing it is refused with
 * {@link SearchIndexException.Kind#READ_ONLY}.
 *
 * <p>Thread-safe. One index run at a time (a second {@link #index} call waits); searches run
 * alongside and see the index as of the last commit.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String VERSION_KEY = "hearth.index.version";
    private static final String VERSION = "1";

    private final Directory directory;
    /** Null when the index was opened for search only. */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Swapped whole when an embedding model is installed while the index is open, so a search sees one model. */
    private volatile Vectors vectors;
    private final IndexSettings settings;
    private final CollectionFolders folders;
    private final ReentrantLock indexing = new ReentrantLock();
    private final Object commitLock = new Object();
    private volatile boolean closing;
    private volatile boolean closed;

    private SearchIndex(Directory directory, IndexWriter writer, SearcherManager searchers, Optional<Embedder> embedder,
                        IndexSettings settings, CollectionFolders folders) {
        this.directory = directory;
        this.writer = writer;
        this.vectors = Vectors.of(embedder);
        this.settings = settings;
        this.folders = folders;
        this.searchers = searchers;
    }

    /**
     * Opens the index in {@code directory}, creating it when there is none; for search only when the
     * folder cannot be written.
     *
     * @throws SearchIndexException when another process has it open, or it is damaged
     */
    public static SearchIndex open(Path directory, Optional<Embedder> embedder) throws IOException {
        return open(directory, embedder, IndexSettings.defaults());
    }

    static SearchIndex open(Path directory, Optional<Embedder> embedder, IndexSettings settings) throws IOException {
        Files.createDirectories(directory);
        if (!Files.isWritable(directory)) {
            return openReadOnly(directory, embedder, settings);
        }
        Directory lucene = FSDirectory.open(directory);
        return closingOnFailure(lucene, () -> {
            boolean existed = DirectoryReader.indexExists(lucene);
            IndexWriter writer;
            try {
                writer = new IndexWriter(lucene, IndexSchema.writerConfig(settings));
            } catch (LockObtainFailedException e) {
                throw SearchIndexException.inUse();
            }
            Map<String, String> commitData = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(entry -> commitData.put(entry.getKey(), entry.getValue()));
            }
            SearchIndex index = new SearchIndex(lucene, writer, new SearcherManager(writer, null), embedder, settings,
                    CollectionFolders.fromCommitData(commitData));
            if (!existed) {
                index.commit();
            }
            return index;
        });
    }

    /**
     * Opens the index in {@code directory} for search only, at its last commit. Needs no write access
     * and no write.lock, so it also works while another process is indexing.
     *
     * @throws SearchIndexException when there is no index there, or it is damaged
     */
    public static SearchIndex openReadOnly(Path directory, Optional<Embedder> embedder) throws IOException {
        return openReadOnly(directory, embedder, IndexSettings.defaults());
    }

    static SearchIndex openReadOnly(Path directory, Optional<Embedder> embedder, IndexSettings settings) throws IOException {
        Directory lucene = FSDirectory.open(directory);
        return closingOnFailure(lucene, () -> {
            DirectoryReader reader;
            try {
                reader = DirectoryReader.open(lucene);
            } catch (IndexNotFoundException e) {
                throw SearchIndexException.readOnlyWithoutIndex();
            }
            try {
                CollectionFolders folders = CollectionFolders.fromCommitData(reader.getIndexCommit().getUserData());
                return new SearchIndex(lucene, null, new SearcherManager(reader, null), embedder, settings, folders);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        });
    }

    private interface IndexOpening {
        SearchIndex open() throws IOException;
    }

    /** Both ways of opening give up the same way: a damaged index is reported as such and the directory is not leaked. */
    private static SearchIndex closingOnFailure(Directory lucene, IndexOpening opening) throws IOException {
        try {
            return opening.open();
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            lucene.close();
            throw SearchIndexException.damaged();
        } catch (IOException | RuntimeException e) {
            lucene.close();
            throw e;
        }
    }

    /** False when the index was opened for search only. */
    public boolean isWritable() {
        return writer != null;
    }

    /**
     * Adds {@code folder} (and everything below it) to {@code collection}, creating the collection.
     * Its files are indexed by the next {@link #index} run.
     *
     * @return false when the collection already had the folder
     */
    public boolean addFolder(String collection, Path folder) throws IOException {
        checkWritable();
        checkCollectionName(collection);
        Path normalised = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalised)) {
            throw new IllegalArgumentException(IndexSchema.fileName(normalised) + " is not a folder");
        }
        boolean added = folders.add(collection, normalised);
        if (added) {
            commit();
        }
        return added;
    }

    /**
     * Removes {@code folder} from {@code collection} and its files from the index (those that another
     * folder of the collection also covers stay). Removing the last folder removes the collection.
     * Waits for a running {@link #index} run to end: cancel it first.
     *
     * @return false when the collection did not have the folder
     */
    public boolean removeFolder(String collection, Path folder) throws IOException {
        checkWritable();
        Path normalised = folder.toAbsolutePath().normalize();
        indexing.lock();
        try {
            ensureOpen();
            if (!folders.remove(collection, normalised)) {
                return false;
            }
            List<Path> remaining = folders.folders(collection);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                List<String> keys = new ArrayList<>();
                AllMatches.forEach(new IndexSearcher(reader), IndexSchema.recordsOf(collection), (doc, document) -> {
                    FileRecord record = IndexSchema.readRecord(document);
                    if (record.path().startsWith(normalised) && remaining.stream().noneMatch(record.path()::startsWith)) {
                        keys.add(record.key());
                    }
                });
                for (String key : keys) {
                    writer.deleteDocuments(new Term(IndexSchema.FILE_KEY, key));
                }
            }
            commit();
            return true;
        } finally {
            indexing.unlock();
        }
    }

    /** The collections, in name order. */
    public List<String> collections() {
        return folders.collections();
    }

    /** The folders of {@code collection} in the order they were added; empty for an unknown collection. */
    public List<Path> folders(String collection) {
        return folders.folders(collection);
    }

    /**
     * Brings the index up to date with the folders of {@code collection} (null: of every collection).
     * Cheap when little changed: files whose size and modification time are as recorded are not
     * even hashed, and a file whose SHA-256 is unchanged is not read. A renamed or moved file keeps
     * its chunks; a file identical to one already indexed is copied rather than read. A file that
     * cannot be read becomes an error entry and the run goes on. Commits every few files, so a
     * crash or a cancel loses little; the next run goes on from the last commit.
     *
     * @throws IllegalArgumentException for an unknown collection
     * @throws IllegalStateException    when the embedding model fails (what was done is committed)
     * @throws SearchIndexException     when the index is read-only
     */
    public IndexResult index(String collection, DocumentSource source, IndexListener listener, BooleanSupplier cancelled)
            throws IOException {
        checkWritable();
        if (collection != null) {
            checkKnown(collection);
        }
        indexing.lock();
        try {
            ensureOpen();
            // Text first, vectors second: embedding a passage takes seconds on a CPU, reading it milliseconds, so
            // every file is keyword-searchable (and committed) long before its vectors exist. The second pass
            // embeds the stored text of the files that lack current vectors, without reading any file again;
            // until it is done, search says it is keywords only.
            Optional<Embedder> embedder = this.vectors.embedder();
            IndexResult text = pass(collection, source, Optional.empty(), listener, cancelled);
            if (embedder.isEmpty() || text.cancelled()) {
                return text;
            }
            IndexResult vectors = pass(collection, source, embedder, listener, cancelled);
            List<FileError> errors = new ArrayList<>(text.errors());
            vectors.errors().stream().filter(e -> !errors.contains(e)).forEach(errors::add);
            return new IndexResult(text.indexed(), text.unchanged(), text.removed(), text.renamed(), vectors.reembedded(), errors,
                    vectors.cancelled());
        } finally {
            indexing.unlock();
        }
    }

    private IndexResult pass(String collection, DocumentSource source, Optional<Embedder> vectors, IndexListener listener,
                             BooleanSupplier cancelled) throws IOException {
        try (DirectoryReader snapshot = DirectoryReader.open(writer)) {
            IndexRun run = new IndexRun(writer, new IndexSearcher(snapshot), source, vectors, listener,
                    () -> closing || cancelled.getAsBoolean(), settings, this::commit);
            try {
                return run.run(folders.snapshot(collection));
            } catch (RuntimeException e) {
                try {
                    commit();
                } catch (IOException | RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        }
    }

    /**
     * Searches chunk text; see {@link SearchResponse} for telling relevant results from none.
     *
     * @throws IllegalArgumentException for an unknown collection: a typo must not look like "nothing found"
     */
    public SearchResponse search(String query, SearchRequest request) throws IOException {
        request.collection().ifPresent(this::checkKnown);
        IndexSearcher searcher = acquire();
        try {
            QueryTerms terms = QueryTerms.of(query);
            Query filter = request.collection().map(c -> (Query) new TermQuery(new Term(IndexSchema.COLLECTION, c))).orElse(null);
            Optional<String> bm25OnlyReason = Optional.empty();
            float[] queryVector = null;
            Vectors vectors = this.vectors;
            if (request.mode() == SearchRequest.Mode.HYBRID) {
                bm25OnlyReason = whyNoVectors(searcher, vectors);
                if (bm25OnlyReason.isEmpty()) {
                    try {
                        queryVector = Embeddings.query(vectors.embedder().orElseThrow(), query);
                    } catch (RuntimeException e) {
                        // the exception's message may quote the query: its type is enough for the log
                        LOG.warn("the embedding model failed on a query ({}); searching by keywords only", e.getClass().getName());
                        bm25OnlyReason = Optional.of("The embedding model failed on this query — keyword search (BM25) only");
                    }
                }
            }
            if (terms.isEmpty() && queryVector == null) {
                return new SearchResponse(List.of(), false, bm25OnlyReason, 0);
            }
            int depth = Math.max(ChunkSearch.CANDIDATES, request.top());
            List<ChunkSearch.Candidate> ranked = ChunkSearch.rank(searcher, terms, queryVector, filter, depth);
            double topBm25 = ranked.stream().mapToDouble(c -> c.bm25Score().orElse(0)).max().orElse(0);
            return new SearchResponse(ChunkSearch.hits(searcher, ranked, terms, request.top()), queryVector != null, bm25OnlyReason, topBm25);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Why a {@link SearchRequest.Mode#HYBRID} search would use keywords only now (no embedding model, or files
     * still waiting for vectors), in words for people; empty when it would rank by meaning as well. Lets a caller
     * show the keyword hits at once and know whether hits ranked by meaning follow, which take a query embedding
     * (a second or two on a CPU).
     */
    public Optional<String> whyKeywordsOnly() throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return whyNoVectors(searcher, vectors);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Whether an embedding model is in use, i.e. whether hybrid search can rank by meaning once every file has vectors. */
    public boolean hasEmbedder() {
        return vectors.embedder().isPresent();
    }

    /**
     * How many indexed files have no vectors of the current embedding model yet (all of them without a model). The
     * next {@link #index} run computes them from the stored text.
     */
    public int filesAwaitingVectors() throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return filesAwaitingVectors(searcher, vectors);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Starts using {@code embedder} (e.g. a model installed while the index is open): searches rank by meaning once
     * the next {@link #index} run has given every file its vectors; until then they say they use keywords only. An
     * index run under way finishes with the model it started with.
     */
    public void useEmbedder(Embedder embedder) {
        ensureOpen();
        vectors = Vectors.of(Optional.of(embedder));
    }

    /** How much of a collection is searchable: its indexed files and their passages. */
    public record CollectionSize(int files, int chunks) {
    }

    public CollectionSize size(String collection) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            Query inCollection = new TermQuery(new Term(IndexSchema.COLLECTION, collection));
            return new CollectionSize(searcher.count(both(inCollection, IndexSchema.kind(IndexSchema.KIND_FILE))),
                    searcher.count(both(inCollection, IndexSchema.kind(IndexSchema.KIND_CHUNK))));
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query both(Query first, Query second) {
        return new BooleanQuery.Builder().add(first, BooleanClause.Occur.FILTER).add(second, BooleanClause.Occur.FILTER).build();
    }

    /** The chunk with this id as stored, e.g. to check that a quotation really is in it. */
    public Optional<StoredChunk> chunk(String chunkId) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            TopDocs found = searcher.search(new TermQuery(new Term(IndexSchema.CHUNK_ID, chunkId)), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(IndexSchema.readChunk(searcher.storedFields().document(found.scoreDocs[0].doc)));
        } finally {
            searchers.release(searcher);
        }
    }

    /** The chunks of one file of a collection in document order; empty when it is not indexed. */
    public List<StoredChunk> chunks(String collection, Path file) throws IOException {
        Query ofFile = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.FILE_KEY, IndexSchema.fileKey(collection, file.toAbsolutePath().normalize()))),
                        BooleanClause.Occur.FILTER)
                .add(IndexSchema.kind(IndexSchema.KIND_CHUNK), BooleanClause.Occur.FILTER)
                .build();
        return chunksMatching(ofFile);
    }

    /** Every chunk, for tests that look for duplicates. */
    List<StoredChunk> allChunks() throws IOException {
        return chunksMatching(IndexSchema.kind(IndexSchema.KIND_CHUNK));
    }

    @Override
    public void close() throws IOException {
        closing = true;
        indexing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // a null writer (read-only) is skipped by try-with-resources
            try (directory; writer; searchers) {
                if (writer != null) {
                    commit();
                }
            }
        } finally {
            indexing.unlock();
        }
    }

    private List<StoredChunk> chunksMatching(Query query) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            List<StoredChunk> chunks = new ArrayList<>();
            AllMatches.forEach(searcher, query, (doc, document) -> chunks.add(IndexSchema.readChunk(document)));
            chunks.sort(Comparator.comparing((StoredChunk c) -> c.file().toString()).thenComparingInt(StoredChunk::index));
            return chunks;
        } finally {
            searchers.release(searcher);
        }
    }

    private static Optional<String> whyNoVectors(IndexSearcher searcher, Vectors vectors) throws IOException {
        if (vectors.embedder().isEmpty()) {
            return Optional.of("No embedding model is installed — keyword search (BM25) only");
        }
        int waiting = filesAwaitingVectors(searcher, vectors);
        if (waiting > 0) {
            return Optional.of(waiting + (waiting == 1 ? " file still needs" : " files still need")
                    + " vectors from the current embedding model — keyword search (BM25) only until indexing is done");
        }
        return Optional.empty();
    }

    private static int filesAwaitingVectors(IndexSearcher searcher, Vectors vectors) throws IOException {
        int files = searcher.count(IndexSchema.kind(IndexSchema.KIND_FILE));
        if (vectors.embedder().isEmpty()) {
            return files;
        }
        int current = searcher.count(new BooleanQuery.Builder()
                .add(IndexSchema.kind(IndexSchema.KIND_FILE), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.VECTOR_MODEL, vectors.modelId())), BooleanClause.Occur.FILTER)
                .build());
        return files - current;
    }

    /** The embedding model in use and the identity its vectors are stored under ("" without one). */
    private record Vectors(Optional<Embedder> embedder, String modelId) {
        static Vectors of(Optional<Embedder> embedder) {
            return new Vectors(embedder, embedder.map(Embeddings::identity).orElse(""));
        }
    }

    private IndexSearcher acquire() throws IOException {
        ensureOpen();
        return searchers.acquire();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
    }

    /** Commits the index with the current folders, and lets searches see the result. */
    private void commit() throws IOException {
        synchronized (commitLock) {
            writer.setLiveCommitData(Map.of(
                    CollectionFolders.COMMIT_KEY, folders.toCommitValue(),
                    VERSION_KEY, VERSION).entrySet());
            writer.commit();
        }
        searchers.maybeRefreshBlocking();
    }

    private void checkWritable() throws SearchIndexException {
        if (writer == null) {
            throw SearchIndexException.readOnly();
        }
    }

    private void checkKnown(String collection) {
        if (!folders.collections().contains(collection)) {
            throw new IllegalArgumentException("There is no collection \"" + collection + "\"");
        }
    }

    private static void checkCollectionName(String collection) {
        if (collection == null || collection.isBlank() || collection.length() > 200
                || collection.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A collection needs a name of one line, at most 200 characters");
        }
    }
}
