package org.hearth.assistant.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room is left on the disk holding a folder; tests swap in a small disk. */
@FunctionalInterface
public interface DiskSpaceProbe {

    /** Bytes this process may still write to the file store that holds {@code folder}. */
    long usableBytes(Path folder) throws IOException;

    /** Asks the file store. */
    static DiskSpaceProbe fileStore() {
        return folder -> Files.getFileStore(folder).getUsableSpace();
    }
}
