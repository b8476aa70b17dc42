package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;

/** Resolves {@code --model FILE|NAME} and loads it with a progress line. */
final class ModelFiles {

    private ModelFiles() {
    }

    static Path resolve(String fileOrName, HearthPaths paths) {
        Path asFile = Path.of(fileOrName);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        for (String candidate : new String[] {fileOrName, fileOrName + ".gguf"}) {
            Path installed = paths.models().resolve(candidate);
            if (Files.isRegularFile(installed)) {
                return installed;
            }
        }
        throw new LlamaException("No model file or installed model named '" + fileOrName
                + "'. './hearth models list' shows the installed models.");
    }

    static LlamaModel load(Path file, PrintWriter err, BooleanSupplier cancelled) {
        ProgressLine progress = new ProgressLine(err);
        String name = file.getFileName().toString();
        try {
            return LlamaRuntime.get().loadModel(file, fraction -> {
                progress.show(String.format(Locale.ROOT, "Loading %s %3.0f%%", name, fraction * 100));
                return !cancelled.getAsBoolean();
            });
        } catch (CancellationException e) {
            throw new CancellationException("Cancelled while loading " + name);
        } finally {
            progress.done();
        }
    }
}
