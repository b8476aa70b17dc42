package org.hearth.ingest.index;

import java.nio.file.Path;

/** A file (or folder) that is not searchable, and why, in words for people. */
public record FileError(Path file, String message) {
}
