package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hearth.domain.Language;

/**
 * The Lucene documents of the index. Each file of a collection has one record document (kind
 * "file", or "failed" when it could not be read) and one document per chunk; all of them carry the
 * file's key, so a file's documents are replaced or deleted together by one call. Chunk text is
 * indexed in the field of the document's language only. Vectors are unit length, compared by dot
 * product, and stored int8-quantised in the HNSW graph (the raw floats stay on disk for merges).
 */
final class IndexSchema {

    static final String KIND = "kind";
    static final String KIND_FILE = "file";
    static final String KIND_FAILED = "failed";
    static final String KIND_CHUNK = "chunk";

    static final String FILE_KEY = "file_key";
    static final String RECORD_KEY = "record_key";
    static final String COLLECTION = "collection";
    static final String PATH = "path";
    static final String FILE_NAME = "file_name";
    static final String HASH = "hash";
    static final String SIZE = "size";
    static final String MODIFIED = "modified";
    static final String CHECKED_AT = "checked_at";
    static final String VECTOR_MODEL = "vector_model";
    static final String CHUNK_COUNT = "chunk_count";
    static final String ERROR = "error";

    static final String CHUNK_ID = "chunk_id";
    static final String CHUNK_INDEX = "chunk_index";
    static final String PAGE = "page";
    static final String PARAGRAPH_FIRST = "paragraph_first";
    static final String PARAGRAPH_LAST = "paragraph_last";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String LANGUAGE = "language";
    /** Present (1) on chunks recognised in a scan; absent on text the file holds as text. */
    static final String OCR = "ocr";

    private static final KnnVectorsFormat VECTORS = new Lucene104HnswScalarQuantizedVectorsFormat();
    /** The default codec with quantised HNSW vectors; its name stays "Lucene104", so any Lucene 10.x reads it. */
    private static final Codec CODEC = new Lucene104Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return VECTORS;
        }
    };

    private IndexSchema() {
    }

    static IndexWriterConfig writerConfig(IndexSettings settings) {
        return new IndexWriterConfig(TextAnalysis.indexAnalyzer())
                .setCodec(CODEC)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferMegabytes())
                .setMaxBufferedDocs(settings.maxBufferedDocs());
    }

    static String textField(Language language) {
        return "text_" + language.code();
    }

    /** One field per dimension: Lucene fixes a vector field's dimension for the life of the index. */
    static String vectorField(int dimension) {
        return "vector_" + dimension;
    }

    static String fileKey(String collection, Path path) {
        return collection + '\u0000' + path;
    }

    /** Deterministic per file content and chunk number, so a re-run or a renamed file gives the same ids. */
    static String chunkId(String hash, int index) {
        return hash.substring(0, 16) + "-" + index;
    }

    static Query kind(String kind) {
        return new TermQuery(new Term(KIND, kind));
    }

    static Query recordsOf(String collection) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(COLLECTION, collection)), BooleanClause.Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(kind(KIND_FILE), BooleanClause.Occur.SHOULD)
                        .add(kind(KIND_FAILED), BooleanClause.Occur.SHOULD)
                        .build(), BooleanClause.Occur.FILTER)
                .build();
    }

    static Document record(FileRecord record) {
        Document document = new Document();
        document.add(new StringField(KIND, record.failed() ? KIND_FAILED : KIND_FILE, Field.Store.NO));
        document.add(new StringField(FILE_KEY, record.key(), Field.Store.NO));
        document.add(new StringField(RECORD_KEY, record.key(), Field.Store.NO));
        document.add(new StringField(COLLECTION, record.collection(), Field.Store.YES));
        document.add(new StoredField(PATH, record.path().toString()));
        document.add(new StringField(HASH, record.hash(), Field.Store.YES));
        document.add(new StoredField(SIZE, record.size()));
        document.add(new StoredField(MODIFIED, record.modified()));
        document.add(new StoredField(CHECKED_AT, record.checkedAt()));
        document.add(new StringField(VECTOR_MODEL, record.vectorModel(), Field.Store.YES));
        document.add(new StoredField(CHUNK_COUNT, record.chunks()));
        record.error().ifPresent(error -> document.add(new StoredField(ERROR, error)));
        return document;
    }

    /** @param vector a unit vector, or null for a chunk without one */
    static Document chunk(FileRecord record, Language language, Chunk chunk, float[] vector) {
        Document document = new Document();
        document.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        document.add(new StringField(FILE_KEY, record.key(), Field.Store.NO));
        document.add(new StringField(COLLECTION, record.collection(), Field.Store.YES));
        document.add(new StoredField(PATH, record.path().toString()));
        document.add(new StoredField(FILE_NAME, fileName(record.path())));
        document.add(new StringField(CHUNK_ID, chunkId(record.hash(), chunk.index()), Field.Store.YES));
        document.add(new StoredField(CHUNK_INDEX, chunk.index()));
        chunk.page().ifPresent(page -> document.add(new StoredField(PAGE, page)));
        chunk.paragraphs().ifPresent(range -> {
            document.add(new StoredField(PARAGRAPH_FIRST, range.first()));
            document.add(new StoredField(PARAGRAPH_LAST, range.last()));
        });
        if (chunk.ocr()) {
            document.add(new StoredField(OCR, 1));
        }
        document.add(new StoredField(START, chunk.start()));
        document.add(new StoredField(END, chunk.end()));
        document.add(new StoredField(TEXT, chunk.text()));
        document.add(new StringField(LANGUAGE, language.code(), Field.Store.YES));
        document.add(new TextField(textField(language), chunk.text(), Field.Store.NO));
        if (vector != null) {
            document.add(new KnnFloatVectorField(vectorField(vector.length), vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return document;
    }

    static FileRecord readRecord(Document document) {
        String error = document.get(ERROR);
        return new FileRecord(document.get(COLLECTION), Path.of(document.get(PATH)), document.get(HASH),
                longValue(document, SIZE), longValue(document, MODIFIED), longValue(document, CHECKED_AT),
                document.get(VECTOR_MODEL), intValue(document, CHUNK_COUNT), Optional.ofNullable(error));
    }

    static StoredChunk readChunk(Document document) {
        Path path = Path.of(document.get(PATH));
        IndexableField page = document.getField(PAGE);
        IndexableField paragraphFirst = document.getField(PARAGRAPH_FIRST);
        return new StoredChunk(document.get(CHUNK_ID), document.get(COLLECTION), path, document.get(FILE_NAME),
                intValue(document, CHUNK_INDEX),
                page == null ? OptionalInt.empty() : OptionalInt.of(page.numericValue().intValue()),
                paragraphFirst == null ? Optional.empty()
                        : Optional.of(new ParagraphRange(paragraphFirst.numericValue().intValue(), intValue(document, PARAGRAPH_LAST))),
                intValue(document, START), intValue(document, END), document.get(TEXT), Language.ofCode(document.get(LANGUAGE)),
                document.getField(OCR) != null);
    }

    static Chunk toChunk(StoredChunk stored) {
        return new Chunk(stored.index(), stored.text(), stored.start(), stored.end(), stored.page(), stored.paragraphs(), stored.ocr());
    }

    /** The vector of document {@code doc} in {@code field}, or null when it has none. */
    static float[] vector(IndexReader reader, int doc, String field) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        int target = doc - leaf.docBase;
        return iterator.advance(target) == target ? values.vectorValue(iterator.index()).clone() : null;
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private static long longValue(Document document, String field) {
        return document.getField(field).numericValue().longValue();
    }

    private static int intValue(Document document, String field) {
        return document.getField(field).numericValue().intValue();
    }
}
