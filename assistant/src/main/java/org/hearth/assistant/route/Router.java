package org.hearth.assistant.route;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a job runs. Local unless the user allowed this kind of job to go to a target; never off the
 * machine for a document or matter marked "never leaves"; among the allowed targets the firm's own server first
 * (no per-token cost, stays in the office), else the cheapest cloud target whose context holds the job.
 */
public final class Router {

    private static final int SMALLEST_STEP = 1536;

    private Router() {
    }

    /**
     * @param allowed         the targets the policy allows for this job's class, in any order
     * @param estimatedTokens the job's prompt tokens, estimated
     * @param answerTokens    the tokens the answers may take
     */
    public static Route decide(List<Target> allowed, long estimatedTokens, long answerTokens, boolean neverLeaves) {
        if (neverLeaves) {
            return Route.local(Route.Reason.NEVER_LEAVES, estimatedTokens);
        }
        if (allowed.isEmpty()) {
            return Route.local(Route.Reason.NOT_OPTED_IN, estimatedTokens);
        }
        Optional<Target> firm = allowed.stream().filter(t -> t.kind() == TargetKind.FIRM)
                .filter(t -> fits(t, estimatedTokens, answerTokens)).max(Comparator.comparingInt(Target::contextLength));
        if (firm.isPresent()) {
            return new Route(firm, Route.Reason.FIRM_ALLOWED, estimatedTokens, Optional.empty());
        }
        return allowed.stream().filter(t -> t.kind() == TargetKind.CLOUD).filter(t -> fits(t, estimatedTokens, answerTokens))
                .min(Comparator.comparingDouble(t -> t.cost(estimatedTokens, answerTokens).orElse(0.0)))
                .map(cloud -> new Route(Optional.of(cloud), Route.Reason.CHEAPEST_CLOUD, estimatedTokens,
                        cloud.cost(estimatedTokens, answerTokens)))
                .orElseGet(() -> Route.local(Route.Reason.TOO_LONG_FOR_TARGETS, estimatedTokens));
    }

    /**
     * A long job is split into steps that each fit a context (a summary's map-reduce, triage one mail at a time), so
     * a target fits when its context holds the job, or a step of {@value #SMALLEST_STEP} prompt tokens, with the answer.
     */
    private static boolean fits(Target target, long estimatedTokens, long answerTokens) {
        return Math.min(estimatedTokens, SMALLEST_STEP) + answerTokens <= target.contextLength();
    }
}
