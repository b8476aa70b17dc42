package org.hearth.ui.common;

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
 * service; subclasses translate the service's reports and change this state on the JavaFX thread only.
 */
public abstract class ProgressTask {

    private final RunningTasks runningTasks;
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(ProgressIndicator.INDETERMINATE_PROGRESS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

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
}
