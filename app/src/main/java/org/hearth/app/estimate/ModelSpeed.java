package org.hearth.app.estimate;

import java.util.Optional;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.summary.SummaryPlan;

/**
 * How fast one model works on this machine.
 *
 * @param promptTokensPerSecond    prompt tokens decoded per second
 * @param generatedTokensPerSecond answer tokens generated per second
 * @param answerShare              the part of their allowance the answers actually used (0–1]
 * @param measured                 false for the default before any job was measured: an estimate from it is rough
 */
public record ModelSpeed(double promptTokensPerSecond, double generatedTokensPerSecond, double answerShare, boolean measured) {

    /**
     * Before a model has finished a job here: a 9B model on a small laptop's CPU reads about this fast and writes
     * slower, and answers are taken at their full allowance, so a first estimate errs long rather than short.
     */
    public static final ModelSpeed ROUGH = new ModelSpeed(60, 4, 1.0, false);

    public ModelSpeed {
        if (!(promptTokensPerSecond > 0) || !(generatedTokensPerSecond > 0) || !(answerShare > 0) || answerShare > 1) {
            throw new IllegalArgumentException("not a speed: " + promptTokensPerSecond + " / " + generatedTokensPerSecond
                    + " tokens/s, answer share " + answerShare);
        }
    }

    /** The speed a finished job showed, or empty when it was too short to time (e.g. nothing was generated). */
    public static Optional<ModelSpeed> of(Usage usage, SummaryPlan plan) {
        if (usage.promptTokensDecoded() == 0 || usage.prefillNanos() == 0 || usage.generatedTokens() == 0 || usage.generateNanos() == 0) {
            return Optional.empty();
        }
        double share = Math.clamp((double) usage.generatedTokens() / plan.answerAllowance(), 0.01, 1.0);
        return Optional.of(new ModelSpeed(usage.promptTokensPerSecond(), usage.generatedTokensPerSecond(), share, true));
    }
}
