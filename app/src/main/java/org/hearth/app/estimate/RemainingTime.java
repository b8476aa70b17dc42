package org.hearth.app.estimate;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time a running summary still needs. Until a step has finished it is the estimate less the time gone; from
 * then on the steps still to do are priced at the pace the finished ones actually took on this machine.
 */
public final class RemainingTime {

    private final Duration estimate;
    private final LongSupplier nanoClock;
    private final long startNanos;

    /** @param nanoClock e.g. {@code System::nanoTime}; the job starts when this is made */
    public RemainingTime(Duration estimate, LongSupplier nanoClock) {
        this.estimate = estimate;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    public Duration after(int stepsDone, int stepsTotal) {
        Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - startNanos);
        if (stepsDone <= 0) {
            Duration left = estimate.minus(elapsed);
            return left.isNegative() ? Duration.ZERO : left;
        }
        return elapsed.multipliedBy(Math.max(0, stepsTotal - stepsDone)).dividedBy(stepsDone);
    }
}
