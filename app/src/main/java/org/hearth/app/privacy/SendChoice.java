package org.hearth.app.privacy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The user's answer to a send preview, awaited by the job that showed it: Send lets it go on, Cancel (or a cancel of
 * the whole job) ends it with nothing sent. The first answer counts.
 */
public final class SendChoice {

    private final CompletableFuture<Boolean> choice = new CompletableFuture<>();

    public void send() {
        choice.complete(true);
    }

    public void decline() {
        choice.complete(false);
    }

    /** Waits for the answer; returns on Send. @throws CancellationException on Cancel */
    public void await() throws InterruptedException {
        try {
            if (!choice.get()) {
                throw new CancellationException("the user did not send it");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
