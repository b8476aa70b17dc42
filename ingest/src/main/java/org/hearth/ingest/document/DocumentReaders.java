package org.hearth.ingest.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a document in this process. The app does not call this directly on user files: it uses
 * {@link IsolatedDocumentReader}, whose worker process runs this with bounded memory and time.
 */
public final class DocumentReaders {

    private DocumentReaders() {
    }

    /** With the limit of {@link IsolatedDocumentReader.Limits#defaults()}. */
    public static DocumentText read(Path file, ReadOptions options, ReadProgress progress) throws DocumentException {
        return read(file, options, progress, IsolatedDocumentReader.Limits.MAX_CHARACTERS);
    }

    /** At most {@code maxCharacters} of text; more is left out and said so in the result. */
    public static DocumentText read(Path file, ReadOptions options, ReadProgress progress, int maxCharacters) throws DocumentException {
        DocumentType type = checkReadable(file);
        CollectingSink sink = new CollectingSink(progress);
        int pageCount = read(file, type, options, maxCharacters, sink);
        return new DocumentText(file, type, pageCount, sink.metadata, sink.blocks, Optional.ofNullable(sink.limitReached));
    }

    /** The checks that need no parsing, so the app can answer them without starting a worker. */
    static DocumentType checkReadable(Path file) throws DocumentException {
        DocumentType type = DocumentType.of(file).orElse(null);
        if (!Files.exists(file)) {
            throw DocumentException.notFound(file);
        }
        if (type == null || !Files.isRegularFile(file)) {
            throw DocumentException.unsupportedType(file);
        }
        if (!Files.isReadable(file)) {
            throw DocumentException.notReadable(file);
        }
        return type;
    }

    /**
     * Parses the file into {@code sink}; returns the page count (0 for formats without pages).
     * A document without any text is an error, never an empty result.
     */
    static int read(Path file, DocumentType type, ReadOptions options, int maxCharacters, DocumentSink sink) throws DocumentException {
        CappedSink capped = new CappedSink(sink, maxCharacters);
        CountingSink counting = new CountingSink(capped);
        int pageCount;
        try {
            pageCount = switch (type) {
                case PDF -> PdfReader.read(file, options, counting);
                case DOCX -> {
                    DocxReader.read(file, options, counting);
                    yield 0;
                }
                case TEXT, MARKDOWN -> {
                    PlainTextReader.read(file, type, counting);
                    yield 0;
                }
                case EMAIL -> {
                    EmailReader.read(file, counting);
                    yield 0;
                }
                case PNG, JPEG, TIFF -> ScanImageReader.read(file, counting);
            };
        } catch (CappedSink.Full full) {
            pageCount = capped.pageTotal();
            capped.limitReached(capped.reached().orElseThrow());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // Parsers signal malformed input with all of these (a reference loop can recurse until the
            // stack ends). The exception itself is dropped: its message may quote the document.
            throw DocumentException.damaged(file);
        }
        if (counting.blocks == 0) {
            throw type == DocumentType.PDF || type.isImage() ? DocumentException.scanned(file) : DocumentException.empty(file);
        }
        return pageCount;
    }

    private static final class CollectingSink implements DocumentSink {
        private final ReadProgress progress;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final List<TextBlock> blocks = new ArrayList<>();
        private TextLimitReached limitReached;

        CollectingSink(ReadProgress progress) {
            this.progress = progress;
        }

        @Override
        public void metadata(String key, String value) {
            metadata.put(key, value);
        }

        @Override
        public void block(TextBlock block) {
            blocks.add(block);
        }

        @Override
        public void pages(int done, int total) {
            progress.pages(done, total);
        }

        @Override
        public void limitReached(TextLimitReached reached) {
            limitReached = reached;
        }
    }

    private static final class CountingSink implements DocumentSink {
        private final DocumentSink target;
        private int blocks;

        CountingSink(DocumentSink target) {
            this.target = target;
        }

        @Override
        public void metadata(String key, String value) {
            target.metadata(key, value);
        }

        @Override
        public void block(TextBlock block) {
            if (!block.text().isBlank()) {
                blocks++;
                target.block(block);
            }
        }

        @Override
        public void pages(int done, int total) {
            target.pages(done, total);
        }

        @Override
        public void limitReached(TextLimitReached reached) {
            target.limitReached(reached);
        }
    }
}
