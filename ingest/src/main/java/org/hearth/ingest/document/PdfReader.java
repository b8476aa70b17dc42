package org.hearth.ingest.document;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.domain.Locator;

/**
 * PDF text per page, in one pass over the document. PDFBox recovers what it can from a damaged or
 * truncated file (a download cut short, a copy that ran out of space); what it could not recover is
 * said in the {@value DocumentText#WARNING} metadata instead of passing for the whole document.
 */
final class PdfReader {

    /** Decoded streams beyond this go to temp files (in the worker: its private temp folder). */
    private static final long MAX_MAIN_MEMORY_BYTES = 64L * 1024 * 1024;
    /** A PDF ends with %%EOF; writers may add a little after it (a line break, a few bytes of padding). */
    private static final int END_MARKER_WINDOW = 1024;

    private PdfReader() {
    }

    static int read(Path file, ReadOptions options, DocumentSink sink) throws IOException, DocumentException {
        var streamCache = MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY_BYTES)
                .setTempDir(new File(System.getProperty("java.io.tmpdir")))
                .streamCache;
        try (var source = new RandomAccessReadBufferedFile(file.toFile());
             PDDocument document = Loader.loadPDF(source, options.password().orElse(""), null, null, streamCache)) {
            int pageCount = reachablePages(document);
            if (pageCount == 0) {
                // A page tree that leads nowhere (e.g. /Kids pointing back at itself) is broken, not a scan.
                throw DocumentException.damaged(file);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            sink.metadataIfPresent("title", info.getTitle());
            sink.metadataIfPresent("author", info.getAuthor());
            sink.metadata("pages", Integer.toString(pageCount));
            List<Integer> unreadable = unreadablePages(document);
            if (unreadable.size() == pageCount) {
                throw DocumentException.damaged(file);
            }
            new PageStripper(sink, pageCount, document).strip(document);
            warning(unreadable, !endsWithEndMarker(file)).ifPresent(warning -> sink.metadata(DocumentText.WARNING, warning));
            sink.pages(pageCount, pageCount);
            return pageCount;
        } catch (InvalidPasswordException e) {
            throw options.password().isPresent() ? DocumentException.wrongPassword(file) : DocumentException.passwordRequired(file);
        }
    }

    /**
     * The pages whose content is named but not in the file: lost where the file was cut off or
     * damaged. A page without /Contents at all is simply blank.
     */
    private static List<Integer> unreadablePages(PDDocument document) {
        List<Integer> unreadable = new ArrayList<>();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            if (page.getCOSObject().getItem(COSName.CONTENTS) != null && !page.hasContents()) {
                unreadable.add(number);
            }
        }
        return unreadable;
    }

    private static Optional<String> warning(List<Integer> unreadablePages, boolean truncated) {
        if (unreadablePages.isEmpty()) {
            return truncated ? Optional.of("The file is truncated: its text may be incomplete") : Optional.empty();
        }
        String pages = (unreadablePages.size() == 1 ? "page " : "pages ") + ranges(unreadablePages) + " could not be read";
        return Optional.of(truncated ? "The file is truncated: " + pages : Character.toUpperCase(pages.charAt(0)) + pages.substring(1));
    }

    /** 4, 5, 6, 9 -> "4–6, 9". */
    private static String ranges(List<Integer> ascending) {
        StringJoiner ranges = new StringJoiner(", ");
        int start = ascending.getFirst();
        int previous = start;
        for (int page : ascending.subList(1, ascending.size())) {
            if (page != previous + 1) {
                ranges.add(start == previous ? Integer.toString(start) : start + "–" + previous);
                start = page;
            }
            previous = page;
        }
        ranges.add(start == previous ? Integer.toString(start) : start + "–" + previous);
        return ranges.toString();
    }

    private static boolean endsWithEndMarker(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, END_MARKER_WINDOW));
            channel.position(size - tail.capacity());
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // a file channel fills the buffer in one or a few reads
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    /** Counted by walking the page tree (PDFBox stops at loops), since /Count can lie. */
    private static int reachablePages(PDDocument document) {
        int pages = 0;
        for (PDPage ignored : document.getPages()) {
            pages++;
        }
        return pages;
    }

    /**
     * Collects each page's text between PDFBox's startPage and endPage hooks, so page numbers cost no
     * second pass. Sorting by position and suppressing overlapping duplicates are off: both cost a
     * lot of time per page and the model copes with the content-stream order of ordinary documents.
     */
    private static final class PageStripper extends PDFTextStripper {
        private final DocumentSink sink;
        private final int pageCount;
        private final PdfPageOcr ocr;
        private final StringWriter page = new StringWriter();

        PageStripper(DocumentSink sink, int pageCount, PDDocument document) {
            this.sink = sink;
            this.pageCount = pageCount;
            this.ocr = new PdfPageOcr(document);
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(false);
            setLineSeparator("\n");
        }

        void strip(PDDocument document) throws IOException {
            writeText(document, page);
        }

        /**
         * Some producers (xdvipdfmx, i.e. XeLaTeX) wrap each page's single content stream in an array.
         * PDFBox then parses through a stream sequence whose every look-ahead re-seeks, which costs
         * about a third of the extraction time of such files; the one stream alone means the same.
         */
        @Override
        public void processPage(PDPage pdPage) throws IOException {
            COSDictionary page = pdPage.getCOSObject();
            if (page.getDictionaryObject(COSName.CONTENTS) instanceof COSArray contents
                    && contents.size() == 1 && contents.getObject(0) instanceof COSStream only) {
                page.setItem(COSName.CONTENTS, only);
            }
            super.processPage(pdPage);
        }

        @Override
        protected void startPage(PDPage pdPage) {
            page.getBuffer().setLength(0);
        }

        @Override
        protected void endPage(PDPage pdPage) throws IOException {
            int number = getCurrentPageNo();
            String text = page.toString().strip();
            boolean scanned = PdfPageOcr.needsOcr(text);
            if (scanned) {
                text = ocr.read(number - 1, pdPage.getMediaBox()).strip();
            }
            // progress first: a page that reaches the text limit ends reading, and the limit's note names the page count
            sink.pages(number, pageCount);
            sink.block(new TextBlock(text, Locator.page(number), BlockKind.BODY, scanned));
        }
    }
}
