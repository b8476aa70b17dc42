package org.hearth.app.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.summary.SummaryPlan;
import org.junit.jupiter.api.Test;

/** The arithmetic from plan and speed to minutes, and from a finished job's usage to a speed, with known numbers. */
class SummaryEstimateTest {

    @Test
    void theTimeIsReadingAtThePromptSpeedPlusWritingTheExpectedShareOfTheAnswers() {
        // 1,995 steps of 512 tokens: the 100,000-page PDF of the issue, at 200 tokens/s reading and 20 writing
        SummaryPlan plan = new SummaryPlan(1_800, 1_995, 6_000_000, 1_995L * 512);
        ModelSpeed speed = new ModelSpeed(200, 20, 0.25, true);

        SummaryEstimate estimate = SummaryEstimate.of(plan, speed);

        // 6,000,000 / 200 = 30,000 s; 1,021,440 × 0.25 / 20 = 12,768 s
        assertThat(estimate.time()).isEqualTo(Duration.ofSeconds(42_768));
        assertThat(estimate.minutes()).isEqualTo(713);
        assertThat(estimate.rough()).isFalse();
        assertThat(estimate.exceeds(Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void withoutAMeasuredSpeedTheEstimateIsRoughAndTakesWholeAnswers() {
        SummaryPlan plan = new SummaryPlan(1, 1, 600, 512);

        SummaryEstimate estimate = SummaryEstimate.of(plan, ModelSpeed.ROUGH);

        // 600 / 60 = 10 s; 512 × 1.0 / 4 = 128 s
        assertThat(estimate.time()).isEqualTo(Duration.ofSeconds(138));
        assertThat(estimate.minutes()).isEqualTo(3);
        assertThat(estimate.rough()).isTrue();
        assertThat(estimate.exceeds(Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void aShortJobReadsAsOneMinuteNeverZero() {
        assertThat(SummaryEstimate.minutes(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(SummaryEstimate.minutes(Duration.ofSeconds(61))).isEqualTo(2);
    }

    @Test
    void aFinishedJobsUsageGivesItsSpeedAndTheShareOfTheAllowanceItWrote() {
        SummaryPlan plan = new SummaryPlan(3, 5, 9_000, 5 * 512);
        Usage usage = new Usage(12_000, 8_000, 640, 40_000_000_000L, 32_000_000_000L, 700);

        ModelSpeed speed = ModelSpeed.of(usage, plan).orElseThrow();

        assertThat(speed.promptTokensPerSecond()).isEqualTo(200.0);
        assertThat(speed.generatedTokensPerSecond()).isEqualTo(20.0);
        assertThat(speed.answerShare()).isEqualTo(0.25);
        assertThat(speed.measured()).isTrue();
    }

    @Test
    void aJobThatGeneratedNothingMeasuresNoSpeed() {
        SummaryPlan plan = new SummaryPlan(1, 1, 600, 512);

        assertThat(ModelSpeed.of(new Usage(600, 600, 0, 1_000_000, 0, 1), plan)).isEmpty();
    }

    @Test
    void theRemainingTimeIsTheEstimateUntilAStepEndsThenThePaceOfTheStepsDone() {
        AtomicLong now = new AtomicLong(1_000);
        RemainingTime remaining = new RemainingTime(Duration.ofMinutes(10), now::get);

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(remaining.after(0, 10)).isEqualTo(Duration.ofMinutes(9));

        // the first two steps took 3 minutes, slower than planned: the other eight take 12
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(remaining.after(2, 10)).isEqualTo(Duration.ofMinutes(12));

        now.addAndGet(Duration.ofMinutes(20).toNanos());
        assertThat(remaining.after(0, 10)).as("never below zero").isEqualTo(Duration.ZERO);
        assertThat(remaining.after(10, 10)).isEqualTo(Duration.ZERO);
    }
}
