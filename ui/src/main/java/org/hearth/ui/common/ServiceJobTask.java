package org.hearth.ui.common;

import java.util.function.Consumer;
import java.util.function.IntFunction;

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

    protected ServiceJobTask(RunningTasks runningTasks, Background background, Consumer<J> cancelJob) {
        super(runningTasks);
        this.background = background;
        this.cancelJob = cancelJob;
    }

    /**
     * Starts a job; from now on only its reports count. Until it reports how far it got, the line says
     * {@code opening} and the bar is indeterminate.
     *
     * @param startJob    calls the service, off the JavaFX thread, given the job's number for its {@link Reports}
     * @param startFailed runs on the JavaFX thread if the service call itself failed
     */
    protected final void launch(Message opening, IntFunction<J> startJob, Runnable startFailed) {
        int own = nextRun();
        handle = null;
        cancelRequested = false;
        updateStatus(opening);
        updateProgress(0, 0);
        setRunning(true);
        background.run(() -> startJob.apply(own), started -> {
            if (isCurrent(own)) {
                handle = started;
                if (cancelRequested) {
                    background.run(() -> cancelJob.accept(started));
                }
            }
        }, failure -> {
            if (isCurrent(own) && isRunning()) {
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

    /** Passes a choice the user made (e.g. Send in a preview) to the running job, off the JavaFX thread. */
    protected final void toJob(Consumer<J> choice) {
        J started = handle;
        if (started != null && isRunning()) {
            background.run(() -> choice.accept(started));
        }
    }

    /** The status line while a cancel is on its way. */
    protected abstract Message stopping();

    protected final boolean cancelRequested() {
        return cancelRequested;
    }

    /** How far the job got; once Cancel was pressed, the line keeps saying that it is stopping. */
    protected final void showProgress(Message status, long done, long total) {
        if (!cancelRequested) {
            updateStatus(status);
        }
        updateProgress(done, total);
    }

    /** The job ended: {@code outcome} is the last line, the bar empties. */
    protected final void finish(Message outcome) {
        updateStatus(outcome);
        updateProgress(0.0);
        setRunning(false);
    }
}
