package org.hearth.ingest.document;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worker's private temp folders, where parsers spill large streams. Each is named after the pid
 * of the app that owns it, so that a later start can tell the folders of an app that died without
 * cleaning up (kill -9, a crash, power loss) from those of an app that still runs.
 */
final class TempFolders {

    private static final String PREFIX = "hearth-reader-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private TempFolders() {
    }

    /** A new folder in {@code root} owned by this process, readable by this user only. */
    static Path createOwned(Path root) throws IOException {
        return Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Deletes the folders in {@code root} whose owning process is no longer alive; best effort. */
    static void removeAbandoned(Path root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher owned = OWNED.matcher(folder.getFileName().toString());
                if (owned.matches() && !isAlive(owned.group(1))) {
                    delete(folder);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: leftovers of a dead app must not stop this one from reading documents
        }
    }

    /**
     * Removes what is inside, keeping the folder and its {@value PageOcr#KEPT_FOLDER} subfolder (OCR's
     * language data and natives, unpacked once per worker); best effort, a file still open elsewhere stays.
     */
    static void empty(Path folder) {
        Path kept = folder.resolve(PageOcr.KEPT_FOLDER);
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(child -> !child.equals(kept)).forEach(child -> deleteTree(child));
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a leftover temp file must not fail reading the next document
        }
    }

    static void delete(Path folder) {
        deleteTree(folder);
    }

    private static boolean isAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException notAPid) {
            // no pid is that long: not a folder this class made, so not one to delete
            return true;
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            deleteQuietly(folder);
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
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
