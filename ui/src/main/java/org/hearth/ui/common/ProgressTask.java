package org.hearth.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ProgressIndicator;

/**
 * A long job the user can watch and stop — a file being summarised, the model download: a line
 * saying what is happening, how far it got (or indeterminate), and cancel. The work itself runs in a
 * service; subclasses translate the service's reports and change this state on the JavaFX thread only,
 * through {@link Reports}, so a late report of an earlier run is never shown as the current one's.
 */
public abstract class ProgressTask {

    private final RunningTasks runningTasks;
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(ProgressIndicator.INDETERMINATE_PROGRESS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** The server the job runs on while it runs off this machine; null while it runs here. */
    private final ReadOnlyObjectWrapper<String> routedTo = new ReadOnlyObjectWrapper<>();
    /** Counts the runs; reports carry the number of the run they belong to. */
    private int run;

    protected ProgressTask(RunningTasks runningTasks) {
        this.runningTasks = runningTasks;
    }

    /** Asks the service to stop; the task ends when the service confirms. */
    public abstract void cancel();

    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Message getStatus() {
        return status.get();
    }

    /** 0..1, or {@link ProgressIndicator#INDETERMINATE_PROGRESS} while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public double getProgress() {
        return progress.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyObjectProperty<String> routedToProperty() {
        return routedTo.getReadOnlyProperty();
    }

    protected void setRoutedTo(String target) {
        routedTo.set(target);
    }

    protected void updateStatus(Message message) {
        status.set(message);
    }

    protected void updateProgress(long done, long total) {
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : ProgressIndicator.INDETERMINATE_PROGRESS);
    }

    protected void updateProgress(double fraction) {
        progress.set(fraction);
    }

    protected void setRunning(boolean nowRunning) {
        if (running.get() == nowRunning) {
            return;
        }
        running.set(nowRunning);
        if (nowRunning) {
            runningTasks.add(this);
        } else {
            runningTasks.remove(this);
        }
    }

    /** Begins a new run: from now on only reports numbered with the returned value count. */
    protected final int nextRun() {
        return ++run;
    }

    protected final boolean isCurrent(int ownRun) {
        return ownRun == run;
    }

    /**
     * The base of a service listener: the service calls from its own threads, and each report reaches the
     * JavaFX thread in order, and only while its run is the current one and still running.
     */
    protected abstract class Reports {

        private final int ownRun;

        protected Reports(int ownRun) {
            this.ownRun = ownRun;
        }

        protected final void onFx(Runnable update) {
            Platform.runLater(() -> {
                if (isCurrent(ownRun) && isRunning()) {
                    update.run();
                }
            });
        }
    }

    /** Reports of a job that writes text as the model generates it, into {@code target}. */
    protected abstract class StreamedTextReports extends Reports {

        private final StreamedText target;

        protected StreamedTextReports(int ownRun, StreamedText target) {
            super(ownRun);
            this.target = target;
        }

        public final void text(String piece) {
            onFx(() -> target.append(piece));
        }

        /** The model started over (a retry): what it wrote so far no longer counts. */
        public final void textDiscarded() {
            onFx(target::clear);
        }
    }
}
