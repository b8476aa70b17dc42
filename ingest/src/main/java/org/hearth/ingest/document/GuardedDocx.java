package org.hearth.ingest.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A Word file opened in this process, editable, with the same guards as the document reader's: POI's zip-bomb
 * limits on every parsed part and a size bound on pictures ({@link DocxZip}), plus caps on the file, on everything
 * it unpacks to and on the XML that is parsed, so that memory and parse time stay bounded. For files the app edits itself (the firm's templates), which cannot go through the
 * reader process because a changed copy is written.
 *
 * <p>The parts are unpacked through the guard into an uncompressed copy in memory, and POI opens that copy
 * read-write: the file itself is only ever read, and the copy's entries cannot look like bombs to POI again.
 */
public final class GuardedDocx {

    /** A letterhead with logos is a few megabytes; more is not a template. */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Everything the file unpacks to, pictures included; a real template is far below. */
    public static final long MAX_UNPACKED_BYTES = 128L * 1024 * 1024;
    /**
     * The XML POI parses into objects (several times its size in memory, and the parse time grows with it): a long
     * template's document.xml is a few hundred kilobytes.
     */
    public static final long MAX_XML_BYTES = 16L * 1024 * 1024;

    /** What is done with the opened document; POI's failures inside it are reported as the file's. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(XWPFDocument document) throws IOException, DocumentException;
    }

    private GuardedDocx() {
    }

    /**
     * Opens {@code file}, runs {@code work} on it and closes it.
     *
     * @throws DocumentException not found, too large, legacy or password-protected, damaged, or a zip bomb
     */
    public static <T> T with(Path file, Work<T> work) throws IOException, DocumentException {
        if (!Files.isRegularFile(file)) {
            throw DocumentException.notFound(file);
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw DocumentException.tooLarge(file, size, MAX_FILE_BYTES);
        }
        DocxReader.requireOoxml(file);
        return DocxReader.withDocument(file, () -> new XWPFDocument(new ByteArrayInputStream(unpacked(file))), work);
    }

    private static byte[] unpacked(Path file) throws IOException, DocumentException {
        DocxZip zip;
        try {
            zip = new DocxZip(file.toFile());
        } catch (IOException notAZip) {
            throw DocumentException.damaged(file);
        }
        long total = 0;
        long xml = 0;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (zip; ZipOutputStream out = new ZipOutputStream(copy)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
                }
                total += bytes.length;
                xml += DocxZip.isMedia(entry.getName()) ? 0 : bytes.length;
                if (total > MAX_UNPACKED_BYTES || xml > MAX_XML_BYTES) {
                    throw DocumentException.expandsTooFar(file);
                }
                out.putNextEntry(stored(entry.getName(), bytes));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy.toByteArray();
    }

    private static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        return entry;
    }
}
