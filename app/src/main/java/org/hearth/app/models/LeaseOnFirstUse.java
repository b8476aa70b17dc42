package org.hearth.app.models;

import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.ModelLease;
import org.hearth.assistant.llama.LlamaModel;

/**
 * A lease taken only when a job first needs the model, so a mail refresh without new mail or a refused
 * question never waits for one. Use in try-with-resources around the whole job; not for sharing between jobs.
 */
public final class LeaseOnFirstUse implements AutoCloseable {

    private final SharedModel models;
    private final BooleanSupplier jobCancelled;
    private volatile ModelLease lease;

    public LeaseOnFirstUse(SharedModel models, BooleanSupplier jobCancelled) {
        this.models = models;
        this.jobCancelled = jobCancelled;
    }

    /**
     * The model, taking the lease on the first call (waiting while the model downloads or loads).
     *
     * @throws java.util.concurrent.CancellationException when the job is cancelled while waiting
     */
    public LlamaModel model() throws InterruptedException {
        if (lease == null) {
            lease = models.lease(jobCancelled);
        }
        return lease.model();
    }

    /** The job's cancel signal, and once the lease is taken also the host's wish to have the model back. */
    public boolean cancelled() {
        ModelLease taken = lease;
        return taken != null ? taken.cancelled() : jobCancelled.getAsBoolean();
    }

    @Override
    public void close() {
        if (lease != null) {
            lease.close();
        }
    }
}
