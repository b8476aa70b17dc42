package org.hearth.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;

/** The controls of a long job's line in a page: its bar, what it is doing or how it ended, and Cancel. */
public final class TaskControls {

    private TaskControls() {
    }

    /** A bar that takes room only while the task runs. */
    public static ProgressBar progressBar(ProgressTask task, String id) {
        ProgressBar progress = new ProgressBar();
        progress.setId(id);
        progress.setPrefWidth(240);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(task.progressProperty());
        showWhileRunning(progress, task);
        return progress;
    }

    /**
     * What the task is doing while it runs; afterwards how the last run ended, as {@code outcome} says, in its
     * tone. The line is what gives way when the page gets narrow.
     */
    public static Label statusLine(Localization localization, ProgressTask task,
            ObservableValue<? extends Outcome> outcome, String id) {
        Label line = new Label();
        line.setId(id);
        line.setMinWidth(0);
        line.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> task.isRunning()
                        ? task.getStatus()
                        : outcome.getValue() == null ? null : outcome.getValue().message(),
                task.runningProperty(), task.statusProperty(), outcome)));
        Runnable tone = () -> {
            if (task.isRunning() || outcome.getValue() == null) {
                Tone.clear(line);
            } else {
                outcome.getValue().tone().applyTo(line);
            }
        };
        task.runningProperty().addListener((obs, old, now) -> tone.run());
        outcome.addListener((obs, old, now) -> tone.run());
        return line;
    }

    /** A small Cancel button, there only while the task runs. */
    public static Button cancelButton(Localization localization, ProgressTask task, String textKey, String id) {
        Button cancel = new Button();
        cancel.setId(id);
        cancel.textProperty().bind(localization.text(textKey));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        showWhileRunning(cancel, task);
        cancel.setOnAction(e -> task.cancel());
        return cancel;
    }

    private static void showWhileRunning(Region control, ProgressTask task) {
        control.visibleProperty().bind(task.runningProperty());
        control.managedProperty().bind(task.runningProperty());
    }
}
