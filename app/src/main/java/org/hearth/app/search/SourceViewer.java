package org.hearth.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.hearth.ingest.process.ChildProcesses;

/**
 * Opens a cited file in the system's viewer, at the cited page where a known viewer takes one on its command line
 * (Evince, Okular on Linux); otherwise with the system's default application, at its first page.
 */
public final class SourceViewer {

    private final Consumer<Path> systemDefault;
    private final List<Path> searchPath;
    private final String osName;

    /** @param systemDefault opens a file with the OS's default application (the window uses JavaFX's host services) */
    public SourceViewer(Consumer<Path> systemDefault, List<Path> searchPath, String osName) {
        this.systemDefault = systemDefault;
        this.searchPath = List.copyOf(searchPath);
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    public static SourceViewer forThisSystem(Consumer<Path> systemDefault) {
        List<Path> path = new ArrayList<>();
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                path.add(Path.of(dir));
            }
        }
        return new SourceViewer(systemDefault, path, System.getProperty("os.name", ""));
    }

    public void open(Path file, Optional<Integer> page) throws IOException {
        Optional<List<String>> command = page.flatMap(p -> pageCommand(file, p));
        if (command.isPresent()) {
            ChildProcesses.builder(command.get()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } else {
            systemDefault.accept(file);
        }
    }

    /** The command that opens {@code file} at {@code page}, if a viewer that can is installed. */
    Optional<List<String>> pageCommand(Path file, int page) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") || osName.contains("win") || osName.contains("mac")) {
            return Optional.empty();
        }
        return tool("evince").map(evince -> List.of(evince.toString(), "--page-index=" + page, file.toString()))
                .or(() -> tool("okular").map(okular -> List.of(okular.toString(), "--page", String.valueOf(page), file.toString())));
    }

    private Optional<Path> tool(String name) {
        return searchPath.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
