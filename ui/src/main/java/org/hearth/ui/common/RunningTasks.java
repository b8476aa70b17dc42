package org.hearth.ui.common;

import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressIndicator;

/** The long jobs under way, for the status bar's job count and its one small progress indicator. */
public final class RunningTasks {

    private final ObservableList<ProgressTask> tasks =
            FXCollections.observableArrayList(task -> new Observable[] {task.progressProperty(), task.routedToProperty()});

    private final ObservableList<ProgressTask> readOnly = FXCollections.unmodifiableObservableList(tasks);

    void add(ProgressTask task) {
        tasks.add(task);
    }

    void remove(ProgressTask task) {
        tasks.remove(task);
    }

    public ObservableList<ProgressTask> tasks() {
        return readOnly;
    }

    public IntegerBinding count() {
        return Bindings.size(tasks);
    }

    /** The server of the first running job that runs off this machine; null while every job runs here. */
    public ObjectBinding<String> routedTo() {
        return Bindings.createObjectBinding(() -> tasks.stream().map(task -> task.routedToProperty().get())
                .filter(Objects::nonNull).findFirst().orElse(null), tasks);
    }

    /** The mean of the jobs whose progress is known; indeterminate while none is. */
    public DoubleBinding overallProgress() {
        return Bindings.createDoubleBinding(() -> tasks.stream()
                .mapToDouble(ProgressTask::getProgress)
                .filter(progress -> progress >= 0)
                .average()
                .orElse(ProgressIndicator.INDETERMINATE_PROGRESS), tasks);
    }
}
