package org.hearth.ingest.index;

import java.nio.file.Path;

/** A supported file found in a collection's folder: its size and modification time (nanoseconds since the epoch). */
record ScannedFile(Path path, long size, long modified) {
}
