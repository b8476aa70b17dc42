package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;

/**
 * One pass over collections: compares what the folders hold with what the index remembers and
 * brings the index up to date, file by file. Each file's documents change in one IndexWriter call,
 * and commits fall only between files, so every commit point holds whole files. What the run reads
 * of the index (records, chunks to move or copy) comes from a snapshot taken at its start.
 */
final class IndexRun {

    @FunctionalInterface
    interface Committer {
        void commit() throws IOException;
    }

    /** One collection's folders as found, and what the index holds for it. */
    private record Plan(String collection, FileScan.Result scan, Map<Path, FileRecord> stored) {
    }

    private final IndexWriter writer;
    private final IndexSearcher snapshot;
    private final DocumentSource source;
    private final Optional<Embedder> embedder;
    private final String vectorModel;
    private final IndexListener listener;
    private final BooleanSupplier stop;
    private final IndexSettings settings;
    private final Committer committer;

    private final List<FileError> errors = new ArrayList<>();
    private final List<PartlyRead> partlyRead = new ArrayList<>();
    private int indexed;
    private int unchanged;
    private int removed;
    private int renamed;
    private int reembedded;
    private int changedSinceCommit;
    private long lastCommit = System.nanoTime();

    IndexRun(IndexWriter writer, IndexSearcher snapshot, DocumentSource source, Optional<Embedder> embedder,
             IndexListener listener, BooleanSupplier stop, IndexSettings settings, Committer committer) {
        this.writer = writer;
        this.snapshot = snapshot;
        this.source = source;
        this.embedder = embedder;
        this.vectorModel = embedder.map(Embeddings::identity).orElse("");
        this.listener = listener;
        this.stop = stop;
        this.settings = settings;
        this.committer = committer;
    }

    IndexResult run(Map<String, List<Path>> foldersByCollection) throws IOException {
        List<Plan> plans = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<Path>> collection : foldersByCollection.entrySet()) {
            FileScan.Result scan = FileScan.scan(collection.getValue());
            errors.addAll(scan.errors());
            plans.add(new Plan(collection.getKey(), scan, records(collection.getKey())));
            total += scan.files().size();
        }
        boolean cancelled = false;
        int done = 0;
        for (Plan plan : plans) {
            Map<String, Deque<FileRecord>> missing = missing(plan);
            for (ScannedFile file : plan.scan().files().values()) {
                if (stop.getAsBoolean()) {
                    cancelled = true;
                    break;
                }
                listener.progress(done, total, file.path());
                try {
                    if (update(plan, file, missing)) {
                        changedSinceCommit++;
                    }
                } catch (CancellationException e) {
                    cancelled = true;
                    break;
                }
                done++;
                maybeCommit(done, total);
            }
            if (cancelled) {
                break;
            }
            // only now: until every new file was hashed, a missing file may still turn out to be renamed
            for (Deque<FileRecord> gone : missing.values()) {
                for (FileRecord record : gone) {
                    writer.deleteDocuments(new Term(IndexSchema.FILE_KEY, record.key()));
                    removed++;
                    changedSinceCommit++;
                }
            }
        }
        commit(done, total);
        return new IndexResult(indexed, unchanged, removed, renamed, reembedded, errors, partlyRead, cancelled);
    }

    /** @return whether the index changed */
    private boolean update(Plan plan, ScannedFile file, Map<String, Deque<FileRecord>> missing) throws IOException {
        FileRecord old = plan.stored().get(file.path());
        if (old != null && old.certainlyUnchanged(file)) {
            return unchanged(old);
        }
        String hash;
        try {
            hash = FileHashes.sha256(file.path());
        } catch (NoSuchFileException vanishedSinceTheScan) {
            return false;
        } catch (IOException e) {
            errors.add(new FileError(file.path(), IndexSchema.fileName(file.path()) + " could not be opened — check who may read it"));
            return false;
        }
        long now = now();
        if (old != null && old.hash().equals(hash)) {
            FileRecord touched = new FileRecord(old.collection(), old.path(), hash, file.size(), file.modified(), now,
                    old.vectorModel(), old.chunks(), old.error());
            if (!unchanged(touched)) {
                writer.updateDocument(new Term(IndexSchema.RECORD_KEY, touched.key()), IndexSchema.record(touched));
            }
            return true;
        }
        Deque<FileRecord> sameContentGone = old == null ? missing.get(hash) : null;
        if (sameContentGone != null && !sameContentGone.isEmpty()) {
            FileRecord from = sameContentGone.poll();
            FileRecord to = new FileRecord(plan.collection(), file.path(), hash, file.size(), file.modified(), now,
                    vectorModel, from.chunks(), Optional.empty());
            Query both = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.FILE_KEY, from.key())), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexSchema.FILE_KEY, to.key())), BooleanClause.Occur.SHOULD)
                    .build();
            writer.updateDocuments(both, copy(from, to));
            renamed++;
            return true;
        }
        Optional<FileRecord> twin = indexedTwin(hash);
        if (twin.isPresent()) {
            FileRecord to = new FileRecord(plan.collection(), file.path(), hash, file.size(), file.modified(), now,
                    vectorModel, twin.get().chunks(), Optional.empty());
            writer.updateDocuments(new Term(IndexSchema.FILE_KEY, to.key()), copy(twin.get(), to));
            indexed++;
            return true;
        }
        return read(plan.collection(), file, hash, now);
    }

    /** A file whose content the index has: report its error again, or bring its vectors up to date. */
    private boolean unchanged(FileRecord record) throws IOException {
        if (record.failed()) {
            errors.add(new FileError(record.path(), record.error().orElseThrow()));
            return false;
        }
        if (embedder.isPresent() && !record.vectorModel().equals(vectorModel)) {
            FileRecord updated = record.withVectorModel(vectorModel);
            writer.updateDocuments(new Term(IndexSchema.FILE_KEY, record.key()), copy(record, updated));
            reembedded++;
            return true;
        }
        unchanged++;
        return false;
    }

    /** A file's passages; the document's blocks are no longer referenced once these exist. */
    private record Passages(List<Chunk> chunks, Language language) {
    }

    private boolean read(String collection, ScannedFile file, String hash, long now) throws IOException {
        Passages passages;
        try {
            passages = passages(file.path());
        } catch (DocumentException e) {
            errors.add(new FileError(file.path(), e.getMessage()));
            if (!isRemembered(e.kind())) {
                return false;
            }
            FileRecord failed = new FileRecord(collection, file.path(), hash, file.size(), file.modified(), now, "", 0,
                    Optional.of(e.getMessage()));
            writer.updateDocuments(new Term(IndexSchema.FILE_KEY, failed.key()), List.of(IndexSchema.record(failed)));
            return true;
        }
        List<Chunk> chunks = passages.chunks();
        List<float[]> vectors = embed(chunks.stream().map(Chunk::text).toList());
        FileRecord record = new FileRecord(collection, file.path(), hash, file.size(), file.modified(), now, vectorModel,
                chunks.size(), Optional.empty());
        writer.updateDocuments(new Term(IndexSchema.FILE_KEY, record.key()), documents(record, passages.language(), chunks, vectors));
        indexed++;
        return true;
    }

    private Passages passages(Path file) throws DocumentException {
        DocumentText text = source.read(file, stop);
        text.limitReached().ifPresent(limit -> partlyRead.add(new PartlyRead(file, limit)));
        Language language = LanguageDetector.detect(Chunker.opening(text, LanguageDetector.SAMPLE_CHARACTERS));
        return new Passages(Chunker.chunks(text), language);
    }

    /**
     * A failure is remembered with the file's hash, so an unchanged broken file is not read again on
     * every run. Not remembered: a file that vanished (the next scan settles it) and a timeout, which
     * a busy machine can cause.
     */
    private static boolean isRemembered(DocumentException.Kind kind) {
        return kind != DocumentException.Kind.NOT_FOUND && kind != DocumentException.Kind.TIMEOUT;
    }

    /** The documents of {@code to}, made from the stored chunks of {@code from} without reading the file. */
    private Iterable<Document> copy(FileRecord from, FileRecord to) throws IOException {
        List<StoredChunk> chunks = new ArrayList<>();
        List<Integer> docs = new ArrayList<>();
        Query ofFile = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.FILE_KEY, from.key())), BooleanClause.Occur.FILTER)
                .add(IndexSchema.kind(IndexSchema.KIND_CHUNK), BooleanClause.Occur.FILTER)
                .build();
        AllMatches.forEach(snapshot, ofFile, (doc, document) -> {
            chunks.add(IndexSchema.readChunk(document));
            docs.add(doc);
        });
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> chunks.get(i).index()));

        List<Chunk> sorted = order.stream().map(i -> IndexSchema.toChunk(chunks.get(i))).toList();
        List<float[]> vectors;
        FileRecord record = to;
        if (!from.vectorModel().isEmpty() && (embedder.isEmpty() || from.vectorModel().equals(vectorModel))) {
            String field = IndexSchema.vectorField(Embeddings.dimensionOf(from.vectorModel()));
            vectors = new ArrayList<>();
            for (int i : order) {
                vectors.add(IndexSchema.vector(snapshot.getIndexReader(), docs.get(i), field));
            }
            record = to.withVectorModel(from.vectorModel());
        } else {
            vectors = embed(sorted.stream().map(Chunk::text).toList());
        }
        Language language = chunks.isEmpty() ? Language.GERMAN : chunks.getFirst().language();
        return documents(record, language, sorted, vectors);
    }

    private List<float[]> embed(List<String> texts) {
        if (embedder.isEmpty()) {
            List<float[]> none = new ArrayList<>();
            texts.forEach(text -> none.add(null));
            return none;
        }
        return Embeddings.documents(embedder.get(), texts, stop);
    }

    /** Made one by one as the writer takes them, so a long document's Lucene documents are not all held at once. */
    private static Iterable<Document> documents(FileRecord record, Language language, List<Chunk> chunks, List<float[]> vectors) {
        return () -> Stream.concat(Stream.of(IndexSchema.record(record)),
                IntStream.range(0, chunks.size()).mapToObj(i -> IndexSchema.chunk(record, language, chunks.get(i), vectors.get(i))))
                .iterator();
    }

    /** A readable file with this content anywhere in the index, to copy instead of reading. */
    private Optional<FileRecord> indexedTwin(String hash) throws IOException {
        Query sameContent = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.HASH, hash)), BooleanClause.Occur.FILTER)
                .add(IndexSchema.kind(IndexSchema.KIND_FILE), BooleanClause.Occur.FILTER)
                .build();
        var hits = snapshot.search(sameContent, 1);
        if (hits.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IndexSchema.readRecord(snapshot.storedFields().document(hits.scoreDocs[0].doc)));
    }

    private Map<Path, FileRecord> records(String collection) throws IOException {
        Map<Path, FileRecord> records = new HashMap<>();
        AllMatches.forEach(snapshot, IndexSchema.recordsOf(collection), (doc, document) -> {
            FileRecord record = IndexSchema.readRecord(document);
            records.put(record.path(), record);
        });
        return records;
    }

    /**
     * Indexed files no longer found, by content hash. Files under a folder that is not available are
     * not missing. Failed files are left out: a broken file that was renamed is simply read again.
     */
    private static Map<String, Deque<FileRecord>> missing(Plan plan) {
        Map<String, Deque<FileRecord>> missing = new HashMap<>();
        plan.stored().values().stream()
                .filter(record -> !plan.scan().files().containsKey(record.path()))
                .filter(record -> plan.scan().unavailable().stream().noneMatch(record.path()::startsWith))
                .sorted(Comparator.comparing(FileRecord::path))
                .forEach(record -> missing.computeIfAbsent(record.failed() ? "failed:" + record.path() : record.hash(),
                        hash -> new ArrayDeque<>()).add(record));
        return missing;
    }

    private void maybeCommit(int done, int total) throws IOException {
        boolean enoughFiles = changedSinceCommit >= settings.commitEveryFiles();
        boolean longEnough = changedSinceCommit > 0
                && System.nanoTime() - lastCommit >= settings.commitInterval().toNanos();
        if (enoughFiles || longEnough) {
            commit(done, total);
        }
    }

    private void commit(int done, int total) throws IOException {
        committer.commit();
        changedSinceCommit = 0;
        lastCommit = System.nanoTime();
        listener.committed(done, total);
    }

    private static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
