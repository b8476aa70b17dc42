package org.hearth.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A job of a fake service that the test makes report step by step on the fake's worker; a cancel is confirmed
 * from the worker, as the real service confirms it from its own thread.
 *
 * @param <L> the job's listener
 */
abstract class FakeJob<L> {

    private final FakeWorker worker;
    private final L listener;
    private final Consumer<L> confirmCancel;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    FakeJob(FakeWorker worker, L listener, Consumer<L> confirmCancel) {
        this.worker = worker;
        this.listener = listener;
        this.confirmCancel = confirmCancel;
    }

    public final void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            worker.execute(() -> confirmCancel.accept(listener));
        }
    }

    final boolean cancelRequested() {
        return cancelRequested.get();
    }

    /** Reports on the worker thread, and returns once the listener has been called. */
    final void report(Consumer<L> events) {
        worker.run(() -> events.accept(listener));
    }
}
