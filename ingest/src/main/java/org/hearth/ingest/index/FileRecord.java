package org.hearth.ingest.index;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the index remembers of one file of a collection: the content hash that decides re-indexing,
 * size and modification time that spare hashing unchanged files, and either its chunks (with the
 * embedding model their vectors came from, "" for none) or why it could not be read.
 *
 * @param modified  the file's modification time in nanoseconds since the epoch
 * @param checkedAt when the file was last looked at (nanoseconds since the epoch), see {@link #certainlyUnchanged}
 */
record FileRecord(String collection, Path path, String hash, long size, long modified, long checkedAt,
                  String vectorModel, int chunks, Optional<String> error) {

    /**
     * File systems keep modification times at a coarse grain (FAT: 2 s); a file changed within this time
     * before it was looked at can change again without its time changing (git's "racy" files).
     */
    static final long TIMESTAMP_GRAIN_NANOS = 3_000_000_000L;

    String key() {
        return IndexSchema.fileKey(collection, path);
    }

    boolean failed() {
        return error.isPresent();
    }

    /** True when size and time say the content is what was hashed, without reading it again. */
    boolean certainlyUnchanged(ScannedFile file) {
        return file.size() == size && file.modified() == modified && modified < checkedAt - TIMESTAMP_GRAIN_NANOS;
    }

    FileRecord withVectorModel(String model) {
        return new FileRecord(collection, path, hash, size, modified, checkedAt, model, chunks, error);
    }
}
