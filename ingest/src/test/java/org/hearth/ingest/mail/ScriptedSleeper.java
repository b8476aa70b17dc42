package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A watcher's clock under the test's control: every wait is recorded and lasts until the test allows it to end
 * (or the watcher is closed, which interrupts it), however long it claims to be. Waits of the IDLE renewal's
 * length are kept apart from the others (reconnect backoff), as the two come from different threads.
 */
final class ScriptedSleeper implements WatchOptions.Sleeper {

    private static final long TIMEOUT_SECONDS = 30;

    private final Duration renewal;
    private final BlockingQueue<Duration> waits = new LinkedBlockingQueue<>();
    private final Semaphore waitsAllowed = new Semaphore(0);
    private final BlockingQueue<Duration> renewals = new LinkedBlockingQueue<>();
    private final Semaphore renewalsAllowed = new Semaphore(0);
    private volatile Runnable onRenewalWait = () -> { };

    /** @param renewal the options' IDLE renewal, chosen unlike any backoff step */
    ScriptedSleeper(Duration renewal) {
        this.renewal = renewal;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.equals(renewal)) {
            onRenewalWait.run();
            renewals.add(duration);
            renewalsAllowed.acquire();
        } else {
            waits.add(duration);
            waitsAllowed.acquire();
        }
    }

    /** Runs {@code action} on the renewal thread as each renewal wait begins, before it is recorded. */
    void onRenewalWait(Runnable action) {
        onRenewalWait = action;
    }

    /** Lets the next {@code count} (non-renewal) waits end at once. */
    void allowWaits(int count) {
        waitsAllowed.release(count);
    }

    void allowRenewal() {
        renewalsAllowed.release();
    }

    /** The next (non-renewal) wait the watcher asked for. */
    Duration nextWait() throws InterruptedException {
        Duration wait = waits.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(wait).as("a wait within %d s", TIMEOUT_SECONDS).isNotNull();
        return wait;
    }

    /** Returns once the renewal thread has begun another renewal wait. */
    void awaitRenewalWait() throws InterruptedException {
        assertThat(renewals.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("a renewal wait").isNotNull();
    }

    /** Non-renewal waits asked for and not yet taken with {@link #nextWait()}. */
    int pendingWaits() {
        return waits.size();
    }
}
