package org.hearth.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C for a command: the first interrupt asks the running job to stop and waits briefly for it
 * to leave native code cleanly, so a cancelled generation never ends inside llama.cpp.
 */
final class Cancellation implements BooleanSupplier, AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onInterrupt, "hearth-cancel");
    private volatile Runnable onRequest = () -> { };

    Cancellation() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    /** Also tell a job that does not poll, e.g. a download, when the user cancels. */
    void onRequest(Runnable action) {
        this.onRequest = action;
    }

    private void onInterrupt() {
        requested.set(true);
        onRequest.run();
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and will see the latch released
        }
    }
}
