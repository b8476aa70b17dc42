package org.hearth.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder a benchmark writes its generated files into, removed with everything in it when closed. */
public final class ScratchFolder implements AutoCloseable {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** @param name what the folder is for, the start of its name: "hearth-bench-search" */
    public static ScratchFolder create(String name) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(name));
    }

    public Path path() {
        return path;
    }

    /** Best effort: a file a child process still holds stays behind in the system's temporary folder. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
