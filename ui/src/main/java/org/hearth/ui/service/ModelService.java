package org.hearth.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The local model: which is recommended, its download, and its state. */
public interface ModelService {

    /** The current state; listeners hear every change, from background threads. */
    ModelState state();

    void addListener(Consumer<ModelState> listener);

    /** The model recommended for this machine, with the reason worded in {@code language} ("de"/"en"). */
    Recommendation recommend(String language);

    /** What can be downloaded: each chat model size and the embedding model that search uses. */
    List<Offer> offers();

    /**
     * Starts or resumes downloading the offered model {@code modelId}. A chat model is then loaded unless one is
     * loaded already (the settings choose among installed ones); the embedding model is used by the next search.
     */
    void download(String modelId);

    /** Stops the download; {@link #download()} resumes it later. */
    void pause();

    /** Stops the download and forgets what was downloaded. */
    void cancel();

    /** Uses a GGUF file the user already has; the outcome arrives as a state change. */
    void importModel(Path file);

    /**
     * The installed chat models by file name, for the settings to choose from; any of them is a valid
     * {@code Settings.model()}. A quick look into the models folder.
     */
    List<String> installedModels();

    /** Process memory in use (Java and native), for the status bar; asked off the JavaFX thread, since reading it may start a process. */
    long memoryInUseBytes();

    record Recommendation(String modelName, long downloadBytes, String reason) {
    }

    /** @param forSearch the embedding model, which finds passages for search, not a model that writes */
    record Offer(String id, String modelName, long downloadBytes, boolean forSearch) {
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

        /**
         * Setting the model up failed. {@code reason} is for the UI to word in the user's language; {@code detail}
         * is the technical cause (in English), shown labelled as such for whoever helps the user.
         */
        record Failed(Reason reason, String detail) implements ModelState {
            public enum Reason {
                /** The disk has too little room for the model. */
                NOT_ENOUGH_DISK,
                /** The connection failed or broke off; downloading again resumes. */
                NETWORK,
                /** The download site did not offer the file as expected. */
                DOWNLOAD_SOURCE,
                /** The downloaded file was damaged on the way and was deleted. */
                DAMAGED_DOWNLOAD,
                /** Hearth cannot write to its models folder. */
                MODELS_FOLDER,
                /** The chosen file is not a model Hearth can run. */
                NOT_A_MODEL,
                /** A model file of that name is installed already. */
                ALREADY_INSTALLED,
                /** The model file is there but could not be loaded. */
                LOAD_FAILED
            }
        }
    }
}
