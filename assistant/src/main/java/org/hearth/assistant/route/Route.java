package org.hearth.assistant.route;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.assistant.route.anonymise.Anonymised;

/**
 * Where one job runs and why: in-process (no target) or on a target, with the estimate the decision was made on.
 * Shown before the job runs ("≈ 38,000 tokens, ≈ 0.09 €, goes to: Kanzlei-Server, anonymised") and kept in its result.
 */
public record Route(Optional<Target> target, Reason reason, long estimatedTokens, Optional<Double> estimatedCost) {

    /** Why a job runs where it runs; the window words each in German and English. */
    public enum Reason {
        /** No target is allowed for this kind of job: the default. */
        NOT_OPTED_IN,
        /** The document or matter is marked "never leaves". */
        NEVER_LEAVES,
        /** The firm's own server is allowed and the job fits its context. */
        FIRM_ALLOWED,
        /** Only cloud targets are allowed (or the firm's server is too small); the cheapest that fits. */
        CHEAPEST_CLOUD,
        /** Targets are allowed but the job fits none of their contexts. */
        TOO_LONG_FOR_TARGETS
    }

    public static Route local(Reason reason, long estimatedTokens) {
        return new Route(Optional.empty(), reason, estimatedTokens, Optional.empty());
    }

    public boolean leavesTheMachine() {
        return target.isPresent();
    }

    public boolean anonymised() {
        return target.map(Target::anonymise).orElse(false);
    }

    /** The text exactly as it leaves on this route: anonymised, or as it is for a server that takes it so. */
    public Anonymised asSent(Anonymised text) {
        return anonymised() ? text : new Anonymised(text.source(), List.of());
    }

    /** The line the CLI prints and the egress log keeps as the reason. */
    public String describe() {
        String tokens = String.format(Locale.ROOT, "≈ %,d tokens", estimatedTokens);
        return switch (reason) {
            case NOT_OPTED_IN -> tokens + ", runs on this machine (no server is allowed for this kind of job)";
            case NEVER_LEAVES -> tokens + ", runs on this machine (marked: never leaves)";
            case TOO_LONG_FOR_TARGETS -> tokens + ", runs on this machine (too long for every allowed server)";
            case FIRM_ALLOWED, CHEAPEST_CLOUD -> tokens
                    + estimatedCost.map(cost -> String.format(Locale.ROOT, ", ≈ %.2f €", cost)).orElse("")
                    + ", goes to: " + target.orElseThrow().name() + (anonymised() ? ", anonymised" : ", not anonymised");
        };
    }
}
