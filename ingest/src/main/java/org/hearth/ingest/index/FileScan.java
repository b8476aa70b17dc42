package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hearth.ingest.document.DocumentType;

/**
 * The supported files under a collection's folders. Hidden files and folders (".…") and Office
 * owner files ("~$…", Word's lock files next to an open document) are skipped, and symbolic links
 * are not followed (a link to a parent folder would never end). A folder that is not there (an
 * unplugged drive, a share that is offline) is reported as unavailable, so its files are kept in the
 * index rather than removed.
 */
final class FileScan {

    record Result(SortedMap<Path, ScannedFile> files, List<Path> unavailable, List<FileError> errors) {
    }

    private FileScan() {
    }

    static Result scan(List<Path> folders) {
        SortedMap<Path, ScannedFile> files = new TreeMap<>();
        List<Path> unavailable = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                unavailable.add(folder);
                errors.add(new FileError(folder, "The folder " + IndexSchema.fileName(folder)
                        + " is not available — its files stay in the index until it is back"));
                continue;
            }
            try {
                Files.walkFileTree(folder, new Visitor(folder, files, errors));
            } catch (IOException e) {
                unavailable.add(folder);
                errors.add(new FileError(folder, "The folder " + IndexSchema.fileName(folder) + " could not be read"));
            }
        }
        return new Result(files, unavailable, errors);
    }

    static boolean isSkipped(Path file) {
        String name = IndexSchema.fileName(file);
        return name.startsWith(".") || name.startsWith("~$");
    }

    static boolean isIndexable(Path file) {
        return !isSkipped(file) && DocumentType.of(file).isPresent();
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final SortedMap<Path, ScannedFile> files;
        private final List<FileError> errors;

        Visitor(Path root, SortedMap<Path, ScannedFile> files, List<FileError> errors) {
            this.root = root;
            this.files = files;
            this.errors = errors;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return !dir.equals(root) && isSkipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && isIndexable(file)) {
                files.put(file, new ScannedFile(file, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            errors.add(new FileError(file, IndexSchema.fileName(file) + " could not be opened — check who may read it"));
            return FileVisitResult.CONTINUE;
        }
    }
}
