package org.hearth.app.cli;

import org.hearth.app.HearthPaths;
import picocli.CommandLine.Option;

/** The options of every command that runs the local model, resolved the same way through {@link ModelSetup}. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE|NAME",
            description = "A GGUF file or an installed model's name (default: the model in the settings, else the largest installed).")
    String model;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the settings, else all cores).")
    Integer threads;

    ModelSetup setup(HearthPaths paths) {
        return ModelSetup.of(paths, model, threads);
    }
}
