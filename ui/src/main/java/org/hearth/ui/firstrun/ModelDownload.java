package org.hearth.ui.firstrun;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.ModelService.ModelState;

/** The model download as a job with progress, speed, time left, pause and cancel. */
public final class ModelDownload extends ProgressTask {

    private final ModelService models;
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();

    ModelDownload(ModelService models, RunningTasks runningTasks) {
        super(runningTasks);
        this.models = models;
    }

    /** Follows the service's state: a download under way (or paused) is running, anything else is not. */
    void follow(ModelState state) {
        if (state instanceof ModelState.Downloading d) {
            paused.set(d.paused());
            updateProgress(d.bytesDone(), d.totalBytes());
            updateStatus(d.paused()
                    ? Message.of("firstrun.download.paused", Units.gigabytes(d.bytesDone()), Units.gigabytes(d.totalBytes()))
                    : Message.of("firstrun.download.progress", Units.gigabytes(d.bytesDone()), Units.gigabytes(d.totalBytes()),
                            Units.megabytes(d.bytesPerSecond()), timeLeft(d.secondsLeft())));
            setRunning(true);
        } else {
            paused.set(false);
            setRunning(false);
        }
    }

    void start(String modelId) {
        models.download(modelId);
    }

    void pause() {
        models.pause();
    }

    @Override
    public void cancel() {
        models.cancel();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Rounded the way people say it: seconds under a minute, then minutes, then hours and minutes. */
    private static Message timeLeft(long seconds) {
        if (seconds < 0) {
            return Message.of("firstrun.timeLeft.unknown");
        }
        if (seconds < 60) {
            return Message.of("firstrun.timeLeft.seconds", seconds);
        }
        long minutes = (seconds + 30) / 60;
        return minutes < 60
                ? Message.of("firstrun.timeLeft.minutes", minutes)
                : Message.of("firstrun.timeLeft.hours", minutes / 60, minutes % 60);
    }
}
