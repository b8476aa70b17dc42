package org.hearth.assistant.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.LlamaModel;

/**
 * One job's hold on a {@link ModelHost}'s model: the model is not closed until every lease on it is.
 * Take it in try-with-resources; closing twice is harmless.
 *
 * <p>{@link #cancelled()} turns true when the job's own cancel signal does, or when the host wants the
 * model back (a swap that cancels running jobs); the job passes it wherever it checks for cancellation
 * and then closes the lease.
 */
public final class ModelLease implements AutoCloseable {

    private final ModelHost host;
    private final LlamaModel model;
    private final BooleanSupplier jobCancelled;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean recalled;

    ModelLease(ModelHost host, LlamaModel model, BooleanSupplier jobCancelled) {
        this.host = host;
        this.model = model;
        this.jobCancelled = jobCancelled;
    }

    /** @throws IllegalStateException after {@link #close()}: the model may be gone by then */
    public LlamaModel model() {
        if (closed.get()) {
            throw new IllegalStateException("This model lease is closed");
        }
        return model;
    }

    /** True when the job should stop: it was cancelled, or the host asked for the model back. */
    public boolean cancelled() {
        return recalled || jobCancelled.getAsBoolean();
    }

    /** True when the host asked for the model back, as opposed to the job being cancelled by its user. */
    public boolean recalled() {
        return recalled;
    }

    void recall() {
        recalled = true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            host.released(this);
        }
    }
}
