package org.hearth.assistant.model;

/** Hears how a download progresses; called on the downloading thread, a few times a second at most. */
@FunctionalInterface
public interface DownloadListener {

    void onProgress(DownloadProgress progress);

    /** A listener that ignores progress. */
    static DownloadListener none() {
        return progress -> { };
    }
}
