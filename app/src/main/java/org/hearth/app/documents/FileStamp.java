package org.hearth.app.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A file's size and last change, taken when it is read: enough to tell later whether a kept summary still describes
 * the file, without reading a large PDF again at every start to hash it.
 */
public record FileStamp(long size, long modifiedMillis) {

    /** The file's stamp now; empty when it is gone or cannot be looked at. */
    public static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
