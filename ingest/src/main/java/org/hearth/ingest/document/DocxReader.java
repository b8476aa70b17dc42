package org.hearth.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Word documents (.docx) through POI's XWPF. Password-protected ones arrive as an OLE2 container
 * holding the encrypted package; a real OLE2 Word file is the old .doc format renamed.
 *
 * <p>POI's own zip guard (ZipSecureFile: an entry may not inflate more than 100× its compressed
 * size, nor beyond 4 GB) turns a zip bomb into an error long before the heap limit is reached;
 * {@link DocxZip} applies it to the parts that are parsed, not to pictures.
 */
final class DocxReader {

    private DocxReader() {
    }

    static void read(Path file, ReadOptions options, DocumentSink sink) throws IOException, DocumentException {
        withDocument(file, () -> open(file, options), document -> {
            var properties = document.getProperties().getCoreProperties();
            sink.metadataIfPresent("title", properties.getTitle());
            sink.metadataIfPresent("author", properties.getCreator());
            new DocxBlocks(document).emit(sink);
            return null;
        });
    }

    /**
     * Opens {@code file} behind the zip guard, runs {@code work} on it and closes it; a zip bomb or a damaged part,
     * while opening or while {@code work} walks the parts, becomes the matching {@link DocumentException}.
     */
    static <T> T withDocument(Path file, Opener opener, GuardedDocx.Work<T> work) throws IOException, DocumentException {
        try (XWPFDocument document = opener.open()) {
            return work.apply(document);
        } catch (IOException e) {
            if (isZipBomb(e)) {
                throw DocumentException.expandsTooFar(file);
            }
            throw e;
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalStateException e) {
            if (isZipBomb(e)) {
                throw DocumentException.expandsTooFar(file);
            }
            throw DocumentException.damaged(file);
        }
    }

    @FunctionalInterface
    interface Opener {
        XWPFDocument open() throws IOException, DocumentException;
    }

    private static XWPFDocument open(Path file, ReadOptions options) throws IOException, DocumentException {
        FileMagic magic = magic(file);
        if (magic == FileMagic.OLE2) {
            return openEncrypted(file, options);
        }
        if (magic != FileMagic.OOXML) {
            throw DocumentException.damaged(file);
        }
        DocxZip entries;
        try {
            entries = new DocxZip(file.toFile());
        } catch (IOException notAZip) {
            throw DocumentException.damaged(file);
        }
        OPCPackage zip;
        try {
            zip = OPCPackage.open(entries);
        } catch (InvalidFormatException e) {
            entries.close();
            if (isZipBomb(e)) {
                throw DocumentException.expandsTooFar(file);
            }
            throw DocumentException.damaged(file);
        } catch (RuntimeException e) {
            entries.close();
            throw e;
        }
        try {
            return new XWPFDocument(zip);
        } catch (IOException | RuntimeException e) {
            zip.revert();
            throw e;
        }
    }

    private static FileMagic magic(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in);
        }
    }

    /** Refuses what is not a plain Word zip, with the reader's reasons: legacy .doc, password needed, damaged. */
    static void requireOoxml(Path file) throws IOException, DocumentException {
        FileMagic magic = magic(file);
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
                throw container.getRoot().hasEntry("EncryptionInfo")
                        ? DocumentException.passwordRequired(file) : DocumentException.legacyWordFile(file);
            }
        }
        if (magic != FileMagic.OOXML) {
            throw DocumentException.damaged(file);
        }
    }

    private static XWPFDocument openEncrypted(Path file, ReadOptions options) throws IOException, DocumentException {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            if (!container.getRoot().hasEntry("EncryptionInfo")) {
                throw DocumentException.legacyWordFile(file);
            }
            if (options.password().isEmpty()) {
                throw DocumentException.passwordRequired(file);
            }
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(container));
            if (!decryptor.verifyPassword(options.password().get())) {
                throw DocumentException.wrongPassword(file);
            }
            try (InputStream decrypted = decryptor.getDataStream(container)) {
                return new XWPFDocument(decrypted);
            }
        } catch (GeneralSecurityException | EncryptedDocumentException e) {
            throw DocumentException.damaged(file);
        }
    }

    /** POI reports its zip guard only through the message of a plain IOException somewhere in the chain. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }
}
