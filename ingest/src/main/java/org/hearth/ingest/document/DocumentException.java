package org.hearth.ingest.document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a document could not be read, with a message meant for people that names the file.
 *
 * <p>Deliberately carries no cause: parser exceptions can quote bytes of the document, and client
 * documents are confidential, so nothing of them may reach a log through a stack trace.
 */
public final class DocumentException extends Exception {

    public enum Kind { NOT_FOUND, UNSUPPORTED_TYPE, PASSWORD_REQUIRED, WRONG_PASSWORD, NO_TEXT, DAMAGED, TOO_LARGE, TIMEOUT, OUT_OF_MEMORY }

    private final Kind kind;
    private final transient Path file;

    public DocumentException(Kind kind, Path file, String message) {
        super(message, null, false, true);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = Objects.requireNonNull(file, "file");
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }

    static DocumentException notFound(Path file) {
        return new DocumentException(Kind.NOT_FOUND, file, name(file) + " was not found — it may have been moved or deleted");
    }

    static DocumentException notReadable(Path file) {
        return new DocumentException(Kind.NOT_FOUND, file, "Hearth may not open " + name(file) + " — check who may read this file");
    }

    static DocumentException unsupportedType(Path file) {
        return new DocumentException(Kind.UNSUPPORTED_TYPE, file,
                name(file) + " is not a kind of file Hearth reads — use PDF, DOCX, TXT, Markdown (.md), e-mail (.eml) or a scanned image (PNG, JPEG, TIFF)");
    }

    static DocumentException legacyWordFile(Path file) {
        return new DocumentException(Kind.UNSUPPORTED_TYPE, file,
                name(file) + " is an old Word 97–2003 document — save it as .docx in Word and drop it again");
    }

    static DocumentException passwordRequired(Path file) {
        return new DocumentException(Kind.PASSWORD_REQUIRED, file, name(file) + " is password-protected — enter the password");
    }

    static DocumentException wrongPassword(Path file) {
        return new DocumentException(Kind.WRONG_PASSWORD, file, "The password for " + name(file) + " is not correct — try again");
    }

    static DocumentException scanned(Path file) {
        return new DocumentException(Kind.NO_TEXT, file,
                name(file) + " is a scan in which no text was recognised");
    }

    static DocumentException empty(Path file) {
        return new DocumentException(Kind.NO_TEXT, file, name(file) + " contains no text to summarise");
    }

    static DocumentException damaged(Path file) {
        return new DocumentException(Kind.DAMAGED, file,
                name(file) + " is damaged and cannot be read — open it in the program that made it and save it again");
    }

    static DocumentException expandsTooFar(Path file) {
        return new DocumentException(Kind.DAMAGED, file,
                name(file) + " cannot be read safely: it would unpack to far more data than a document holds");
    }

    static DocumentException readerStopped(Path file) {
        return new DocumentException(Kind.DAMAGED, file,
                "Hearth's document reader stopped unexpectedly while reading " + name(file) + " — the file may be damaged");
    }

    static DocumentException tooLarge(Path file, long size, long limit) {
        return new DocumentException(Kind.TOO_LARGE, file,
                String.format(Locale.ROOT, "%s is too large to read (%s; the limit is %s)", name(file), megabytes(size), megabytes(limit)));
    }

    static DocumentException timeout(Path file, Duration limit) {
        return new DocumentException(Kind.TIMEOUT, file,
                "Reading " + name(file) + " took longer than " + duration(limit) + " and was stopped — the file may be damaged or unusually complex");
    }

    static DocumentException outOfMemory(Path file, int heapMegabytes) {
        return new DocumentException(Kind.OUT_OF_MEMORY, file,
                name(file) + " needs more memory than Hearth allows for one document (" + heapMegabytes
                        + " MB) — the file may be damaged or unusually complex");
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }

    private static String duration(Duration limit) {
        long seconds = limit.toSeconds();
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        if (seconds >= 1) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return limit.toMillis() + " ms";
    }
}
