package org.hearth.ui.service;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The local model: which is recommended, its download, and its state. */
public interface ModelService {

    /** The current state; listeners hear every change, from background threads. */
    ModelState state();

    void addListener(Consumer<ModelState> listener);

    /** The model recommended for this machine, with the reason worded in {@code language} ("de"/"en"). */
    Recommendation recommend(String language);

    /** Starts or resumes downloading the recommended model, then loads it. */
    void download();

    /** Stops the download; {@link #download()} resumes it later. */
    void pause();

    /** Stops the download and forgets what was downloaded. */
    void cancel();

    /** Uses a GGUF file the user already has; the outcome arrives as a state change. */
    void importModel(Path file);

    /** Process memory in use (Java and native), for the status bar. */
    long memoryInUseBytes();

    record Recommendation(String modelName, long downloadBytes, String reason) {
    }

    sealed interface ModelState {
        /** No model installed: the first-run panel shows. */
        record None() implements ModelState { }

        record Downloading(String modelName, long bytesDone, long totalBytes, double bytesPerSecond, long secondsLeft, boolean paused)
                implements ModelState { }

        record Loading(String modelName, double fraction) implements ModelState { }

        record Ready(String modelName) implements ModelState { }

        /** {@code jobs} jobs hold the model right now (a swap waiting for them counts them too). */
        record Busy(String modelName, int jobs) implements ModelState { }

        /** {@code message} is already worded for the user (it names the file and what to do). */
        record Failed(String message) implements ModelState { }
    }
}
