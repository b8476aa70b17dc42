package org.hearth.ui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread a fake service reports from, as the real services report from theirs, and the waiting for what
 * the UI asked of the fake (the UI calls services from its background thread).
 */
final class FakeWorker {

    private final ExecutorService worker;

    FakeWorker(String name) {
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    /** Hands {@code work} to the worker without waiting, as a service confirms a cancel later. */
    void execute(Runnable work) {
        worker.execute(work);
    }

    /** Runs {@code work} on the worker and returns once it has run. */
    void run(Runnable work) {
        try {
            worker.submit(work).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not run", e);
        }
    }

    /** Waits until everything handed to the worker (such as a cancel's confirmation) has run. */
    void await() {
        run(() -> { });
    }

    /** The next thing the UI asked for, waiting for it; fails with {@code failure} if nothing comes. */
    static <T> T next(LinkedBlockingQueue<T> queue, String failure) {
        try {
            T next = queue.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError(failure);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure, e);
        }
    }
}
