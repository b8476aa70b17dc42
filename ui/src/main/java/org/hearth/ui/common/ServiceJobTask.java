package org.hearth.ui.common;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.application.Platform;

/**
 * A task that drives one service job at a time: it starts the job off the JavaFX thread, passes Cancel on (also
 * when the user pressed it before the service handed the job back), and takes reports only from the current
 * job, on the JavaFX thread, so a late report from an earlier job is never shown as the current one's.
 *
 * @param <J> the service's handle of a running job
 */
public abstract class ServiceJobTask<J> extends ProgressTask {

    private final Background background;
    private final Consumer<J> cancelJob;
    private J handle;
    private boolean cancelRequested;
    /** Counts the starts; reports carry the number of the job they belong to. */
    private int generation;

    protected ServiceJobTask(RunningTasks runningTasks, Background background, Consumer<J> cancelJob) {
        super(runningTasks);
        this.background = background;
        this.cancelJob = cancelJob;
    }

    /**
     * Starts a job; from now on only its reports count.
     *
     * @param startJob    calls the service, off the JavaFX thread, given the job's number for {@link #whileCurrent}
     * @param startFailed runs on the JavaFX thread if the service call itself failed
     */
    protected final void launch(IntFunction<J> startJob, Runnable startFailed) {
        int own = ++generation;
        handle = null;
        cancelRequested = false;
        setRunning(true);
        background.run(() -> startJob.apply(own), started -> {
            if (own == generation) {
                handle = started;
                if (cancelRequested) {
                    background.run(() -> cancelJob.accept(started));
                }
            }
        }, failure -> {
            if (own == generation && isRunning()) {
                startFailed.run();
            }
        });
    }

    /** Asks the job to stop; it ends when the service confirms. */
    @Override
    public final void cancel() {
        if (!isRunning() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        updateStatus(stopping());
        J started = handle;
        if (started != null) {
            background.run(() -> cancelJob.accept(started));
        }
    }

    /** The status line while a cancel is on its way. */
    protected abstract Message stopping();

    protected final boolean cancelRequested() {
        return cancelRequested;
    }

    /** Runs {@code update} on the JavaFX thread if job {@code job} is still the current one and running. */
    protected final void whileCurrent(int job, Runnable update) {
        Platform.runLater(() -> {
            if (job == generation && isRunning()) {
                update.run();
            }
        });
    }
}
