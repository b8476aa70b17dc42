package org.hearth.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs the few service calls that may block (exporting a file, saving settings) off the JavaFX
 * thread, one after the other so saves keep their order, and reports back on the JavaFX thread.
 */
public final class Background {

    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("hearth-ui-background").daemon().factory());

    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onDone.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    public void run(Runnable work) {
        executor.execute(work);
    }

    /**
     * Like {@link #run(Callable, Consumer, Consumer)}, on a thread of its own: for a call that may wait for
     * minutes (a sign-in in the browser), so the saves and loads queued behind it are not held up.
     */
    public <T> void runAside(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        Thread.ofPlatform().name("hearth-ui-aside").daemon().start(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onDone.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }
}
