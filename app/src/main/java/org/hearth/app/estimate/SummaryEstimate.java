package org.hearth.app.estimate;

import java.time.Duration;
import org.hearth.assistant.task.summary.SummaryPlan;

/**
 * A summary's expected cost before it starts: its plan and the time that plan takes at a model's speed.
 *
 * @param rough true when no job of this model was measured yet, so the time rests on a default speed
 */
public record SummaryEstimate(SummaryPlan plan, Duration time, boolean rough) {

    public static SummaryEstimate of(SummaryPlan plan, ModelSpeed speed) {
        double seconds = plan.promptTokens() / speed.promptTokensPerSecond()
                + plan.answerAllowance() * speed.answerShare() / speed.generatedTokensPerSecond();
        return new SummaryEstimate(plan, Duration.ofMillis(Math.round(seconds * 1000)), !speed.measured());
    }

    /** Whole minutes, rounded up: "about 1 min" for anything short, never "about 0 min". */
    public long minutes() {
        return minutes(time);
    }

    public static long minutes(Duration time) {
        return Math.max(1, Math.ceilDiv(time.toSeconds(), 60));
    }

    public boolean exceeds(Duration budget) {
        return time.compareTo(budget) > 0;
    }
}
