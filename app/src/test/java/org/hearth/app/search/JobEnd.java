package org.hearth.app.search;

import java.util.concurrent.CompletableFuture;

/** A service job's end as a future: failing or being cancelled completes it with an error that says which. */
abstract class JobEnd<T> {

    final CompletableFuture<T> end = new CompletableFuture<>();

    public void failed(String message) {
        end.completeExceptionally(new AssertionError(message));
    }

    public void cancelled() {
        end.completeExceptionally(new AssertionError("cancelled"));
    }
}
