package org.hearth.ingest.mail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Waits between reconnect attempts: 1 s, doubling up to 5 min, each shortened by up to a tenth at random so that
 * many clients cut off at the same moment (a server restart) do not all come back in the same second. A
 * successful connect starts the sequence over.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);
    static final double JITTER = 0.1;

    private final DoubleSupplier random;
    private int failures;

    Backoff() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before the next attempt, after one more failure. */
    Duration next() {
        Duration nominal = MAX;
        if (failures < 20) { // 2^20 s is far beyond MAX; stop doubling before the long overflows
            Duration doubled = FIRST.multipliedBy(1L << failures);
            nominal = doubled.compareTo(MAX) < 0 ? doubled : MAX;
        }
        failures++;
        long millis = nominal.toMillis();
        return Duration.ofMillis(millis - (long) (millis * JITTER * random.getAsDouble()));
    }

    void reset() {
        failures = 0;
    }
}
