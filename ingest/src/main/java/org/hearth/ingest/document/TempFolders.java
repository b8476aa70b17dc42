package org.hearth.ingest.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of the worker's private temp folder, where parsers spill large streams. */
final class TempFolders {

    private TempFolders() {
    }

    /** Removes what is inside, keeping the folder; best effort, a file still open elsewhere stays. */
    static void empty(Path folder) {
        deleteTree(folder, false);
    }

    static void delete(Path folder) {
        deleteTree(folder, true);
    }

    private static void deleteTree(Path folder, boolean includingFolder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> includingFolder || !path.equals(folder))
                    .forEach(TempFolders::deleteQuietly);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a leftover temp file must not fail reading the next document
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort, see above
        }
    }
}
