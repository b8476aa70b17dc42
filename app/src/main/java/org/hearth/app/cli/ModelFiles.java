package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.app.HearthPaths;
import org.hearth.app.models.InstalledModels;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;

/** Resolves {@code --model FILE|NAME} and loads it with a progress line. */
final class ModelFiles {

    private ModelFiles() {
    }

    static Path resolve(String fileOrName, HearthPaths paths) {
        return InstalledModels.resolve(fileOrName, paths);
    }

    static Path resolveDefault(HearthPaths paths, String fromSettings) {
        return InstalledModels.resolveDefault(paths, fromSettings);
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
