package org.hearth.ingest.index;

import java.nio.file.Path;

/** Hears how far an index run is. Called on the indexing thread; keep it quick. */
public interface IndexListener {

    /** About to look at {@code file}, the ({@code done}+1)-th of {@code total} files of the run. */
    void progress(int done, int total, Path file);

    /** The first {@code done} files are committed: a crash from now on does not lose them. */
    default void committed(int done, int total) {
    }

    static IndexListener none() {
        return (done, total, file) -> { };
    }
}
