package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file Hearth reads, recognised by their extension (case-insensitive). */
public enum DocumentType {
    PDF("pdf"), DOCX("docx"), TEXT("txt"), MARKDOWN("md"), EMAIL("eml"),
    /** Scans and photos of pages, read by OCR. */
    PNG("png"), JPEG("jpg", "jpeg"), TIFF("tif", "tiff");

    private final List<String> extensions;

    DocumentType(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The usual extension without the dot, lower case, e.g. "pdf". */
    public String extension() {
        return extensions.getFirst();
    }

    /** Every extension of this kind, e.g. "jpg" and "jpeg". */
    public List<String> extensions() {
        return extensions;
    }

    /** An image of pages, which only OCR turns into text. */
    public boolean isImage() {
        return this == PNG || this == JPEG || this == TIFF;
    }

    public static Optional<DocumentType> of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String fileName = name.toString();
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentType type : values()) {
            if (type.extensions.contains(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
