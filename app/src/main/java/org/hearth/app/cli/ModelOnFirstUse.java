package org.hearth.app.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;

/**
 * A command's model, loaded (with its progress line) only when the job first asks for an engine, so a job that
 * fails or finds nothing to do before never waits for it; closed with the command.
 */
final class ModelOnFirstUse implements AutoCloseable {

    private final ModelSetup models;
    private final PrintWriter err;
    private LlamaModel model;

    ModelOnFirstUse(ModelSetup models, PrintWriter err) {
        this.models = models;
        this.err = err;
    }

    LocalEngine engine(BooleanSupplier cancelled) {
        if (model == null) {
            model = models.load(err, cancelled);
        }
        return new LocalEngine(model, models.context());
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
