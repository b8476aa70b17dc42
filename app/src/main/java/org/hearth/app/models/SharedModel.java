package org.hearth.app.models;

import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.ModelLease;

/**
 * The one chat model the window's jobs share. A job holds a lease for as long as it uses the model (the
 * status bar shows it busy until the last lease closes) and stops when the lease's cancel signal flips.
 */
@FunctionalInterface
public interface SharedModel {

    /**
     * A lease on the loaded model, waiting while it downloads or loads.
     *
     * @param cancelled the job's cancel signal; the lease's {@link ModelLease#cancelled()} includes it
     * @throws java.util.concurrent.CancellationException once {@code cancelled} says so while waiting
     * @throws org.hearth.assistant.llama.LlamaException  when no model can become ready
     */
    ModelLease lease(BooleanSupplier cancelled) throws InterruptedException;
}
