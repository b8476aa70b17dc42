package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file Hearth reads, recognised by their extension (case-insensitive). */
public enum DocumentType {
    PDF("pdf"), DOCX("docx"), TEXT("txt"), MARKDOWN("md"), EMAIL("eml");

    private final String extension;

    DocumentType(String extension) {
        this.extension = extension;
    }

    /** The extension without the dot, lower case, e.g. "pdf". */
    public String extension() {
        return extension;
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
            if (type.extension.equals(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
