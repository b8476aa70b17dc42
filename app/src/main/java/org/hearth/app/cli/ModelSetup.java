package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.app.HearthPaths;
import org.hearth.app.models.ContextSettings;
import org.hearth.app.models.InstalledModels;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.ui.service.SettingsService;

/**
 * How a command gets to the local model: the user's settings, the model file ({@code --model FILE|NAME}, else the
 * settings' model, else the largest installed), loading it with a progress line, and the context options
 * (the settings' context length and threads, {@code --threads} winning).
 */
final class ModelSetup {

    private final HearthPaths paths;
    private final SettingsService.Settings settings;
    private final String modelOption;
    private final Integer threadsOption;

    private ModelSetup(HearthPaths paths, SettingsService.Settings settings, String modelOption, Integer threadsOption) {
        this.paths = paths;
        this.settings = settings;
        this.modelOption = modelOption;
        this.threadsOption = threadsOption;
    }

    /**
     * @param modelOption   the command's {@code --model}, or null for the settings' or the largest installed model
     * @param threadsOption the command's {@code --threads}, or null
     */
    static ModelSetup of(HearthPaths paths, String modelOption, Integer threadsOption) {
        return new ModelSetup(paths, new JsonSettingsStore(paths.home().resolve("settings.json")).load(), modelOption, threadsOption);
    }

    SettingsService.Settings settings() {
        return settings;
    }

    /** Threads for the model and embeddings; 0 means all cores. */
    int threads() {
        return ContextSettings.threads(settings, threadsOption);
    }

    ContextOptions context() {
        return ContextSettings.of(settings, threadsOption);
    }

    Path modelFile() {
        return modelOption != null ? InstalledModels.resolve(modelOption, paths) : InstalledModels.resolveDefault(paths, settings.model());
    }

    LlamaModel load(PrintWriter err, BooleanSupplier cancelled) {
        return load(modelFile(), err, cancelled);
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
