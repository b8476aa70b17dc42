package org.hearth.ingest.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MailWatcher} waits.
 *
 * @param idleRenewal  the longest one IDLE command runs before it is ended and issued again: RFC 2177 allows a
 *                     server to drop a client idle for 30 minutes, and NAT routers often forget a silent
 *                     connection sooner; renewing also finds out whether the connection is still alive
 * @param pollInterval how often a server without IDLE (or with {@code useIdle} off) is asked for new mail
 * @param useIdle      use IDLE when the server offers it; off for servers whose IDLE is unreliable
 * @param sleeper      every wait of the watcher (poll interval, IDLE renewal, reconnect backoff) goes through it
 */
public record WatchOptions(Duration idleRenewal, Duration pollInterval, boolean useIdle, Sleeper sleeper) {

    /** Waits; replaceable so that tests can check the waits without spending them. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for the real time: {@link MailWatcher#close()} interrupts the watcher, which ends it at once. */
        Sleeper REAL = Thread::sleep;

        /** Waits {@code duration}; must end with {@link InterruptedException} when the waiting thread is interrupted. */
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final WatchOptions DEFAULTS = new WatchOptions(Duration.ofMinutes(25), Duration.ofMinutes(2), true, Sleeper.REAL);

    public WatchOptions {
        Objects.requireNonNull(idleRenewal, "idleRenewal");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sleeper, "sleeper");
        if (!idleRenewal.isPositive() || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("idleRenewal and pollInterval must be positive");
        }
    }

    public WatchOptions withIdleRenewal(Duration renewal) {
        return new WatchOptions(renewal, pollInterval, useIdle, sleeper);
    }

    public WatchOptions withPollInterval(Duration interval) {
        return new WatchOptions(idleRenewal, interval, useIdle, sleeper);
    }

    /** Poll even when the server offers IDLE. */
    public WatchOptions polling() {
        return new WatchOptions(idleRenewal, pollInterval, false, sleeper);
    }

    public WatchOptions withSleeper(Sleeper newSleeper) {
        return new WatchOptions(idleRenewal, pollInterval, useIdle, newSleeper);
    }
}
