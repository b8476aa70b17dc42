package org.hearth.assistant.model;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets another thread stop a running download. The downloader stops at the next chunk and keeps the partial file, so
 * "pause" is a cancel followed by a later download of the same model. Cancelling also closes the open response, so a
 * stalled connection does not keep the download waiting.
 */
public final class DownloadCancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Closeable> openResponse = new AtomicReference<>();

    public void cancel() {
        cancelled.set(true);
        Closeable response = openResponse.getAndSet(null);
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // the downloader notices the cancellation at its next read either way
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Remembers the response being read so {@link #cancel} can close it; closes it at once if already cancelled. */
    void watch(Closeable response) {
        openResponse.set(response);
        if (cancelled.get()) {
            cancel();
        }
    }

    void unwatch() {
        openResponse.set(null);
    }
}
