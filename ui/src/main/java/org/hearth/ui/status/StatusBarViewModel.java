package org.hearth.ui.status;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Tone;
import org.hearth.ui.common.Units;
import org.hearth.ui.firstrun.ModelWording;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.ModelService.ModelState;

/** The status bar: the model and its state, memory in use, and the background jobs. */
public final class StatusBarViewModel {

    /** Often enough to notice a model being loaded, rare enough to cost nothing. */
    private static final long MEMORY_REFRESH_SECONDS = 3;

    private final ModelService models;
    private final RunningTasks runningTasks;
    /** Negative until the timer's first reading arrives. */
    private final ReadOnlyLongWrapper memoryInUse = new ReadOnlyLongWrapper(-1);
    /**
     * A timer thread, not an endless Timeline: a running animation keeps JavaFX pulsing 60 times a second, which kept
     * the idle window at 3 % of a core to refresh one number every three seconds.
     */
    private final ScheduledExecutorService memoryRefresh =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hearth-status-memory").daemon().factory());
    // Created once and held here: a binding nobody holds is collected, and its listeners go quiet.
    private final ObjectBinding<Message> modelLine;
    private final ObjectBinding<Tone> modelTone;
    private final ObjectBinding<Message> modelProblem;
    private final ObjectBinding<Message> memoryLine;
    private final ObjectBinding<String> routedTo;
    private final ObjectBinding<Message> privacyLine;

    public StatusBarViewModel(ModelService models, ReadOnlyObjectProperty<ModelState> modelState, RunningTasks runningTasks) {
        this.models = models;
        this.runningTasks = runningTasks;
        modelLine = Bindings.createObjectBinding(() -> describe(modelState.get()), modelState);
        modelTone = Bindings.createObjectBinding(() -> toneOf(modelState.get()), modelState);
        modelProblem = Bindings.createObjectBinding(
                () -> modelState.get() instanceof ModelState.Failed failed ? ModelWording.failure(failed) : null, modelState);
        memoryLine = Bindings.createObjectBinding(
                () -> memoryInUse.get() < 0 ? null : Message.of("status.memory", Units.gigabytes(memoryInUse.get())), memoryInUse);
        routedTo = runningTasks.routedTo();
        privacyLine = Bindings.createObjectBinding(() -> routedTo.get() == null
                ? Message.of("status.localOnly") : Message.of("status.routedTo", routedTo.get()), routedTo);
    }

    /** The memory is read on the timer's thread: the reading is a file (Linux) or a process (macOS's ps). */
    public void start() {
        memoryRefresh.scheduleWithFixedDelay(this::refreshMemory, 0, MEMORY_REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    public void stop() {
        memoryRefresh.shutdownNow();
    }

    public ObjectBinding<Message> modelLine() {
        return modelLine;
    }

    public ObjectBinding<Tone> modelTone() {
        return modelTone;
    }

    /** The service's own words when the model failed, for the tooltip; null otherwise. */
    public ObjectBinding<Message> modelProblem() {
        return modelProblem;
    }

    public ObjectBinding<Message> memoryLine() {
        return memoryLine;
    }

    /** "Local only", or the server's name while a job runs there. */
    public ObjectBinding<Message> privacyLine() {
        return privacyLine;
    }

    /** The server a running job uses; null while every job runs on this machine. */
    public ObjectBinding<String> routedTo() {
        return routedTo;
    }

    private static Message describe(ModelState state) {
        return switch (state) {
            case ModelState.None none -> Message.of("status.model.none");
            case ModelState.Downloading d -> d.paused()
                    ? Message.of("status.model.downloadPaused", d.modelName())
                    : Message.of("status.model.downloading", d.modelName(), fraction(d.bytesDone(), d.totalBytes()));
            case ModelState.Loading l -> Message.of("status.model.loading", l.modelName(), l.fraction());
            case ModelState.Ready r -> Message.of("status.model.ready", r.modelName());
            case ModelState.Busy b -> Message.of("status.model.busy", b.modelName(), b.jobs());
            case ModelState.Failed f -> Message.of("status.model.failed");
        };
    }

    private static Tone toneOf(ModelState state) {
        return switch (state) {
            case ModelState.None none -> Tone.NEUTRAL;
            case ModelState.Downloading d -> Tone.WARNING;
            case ModelState.Loading l -> Tone.WARNING;
            case ModelState.Ready r -> Tone.SUCCESS;
            case ModelState.Busy b -> Tone.SUCCESS;
            case ModelState.Failed f -> Tone.DANGER;
        };
    }

    public RunningTasks runningTasks() {
        return runningTasks;
    }

    private void refreshMemory() {
        long bytes = models.memoryInUseBytes();
        Platform.runLater(() -> memoryInUse.set(bytes));
    }

    private static double fraction(long done, long total) {
        return total > 0 ? (double) done / total : 0;
    }
}
