package org.hearth.assistant.route.egress;

import java.util.Optional;

/**
 * The outcome of checking the log's chain: how many entries are intact and, where it breaks, the first entry
 * (1-based line) that does not fit and why.
 */
public record Verification(int entries, Optional<Break> broken) {

    public record Break(int line, String reason) {
    }

    public boolean intact() {
        return broken.isEmpty();
    }

    static Verification intact(int entries) {
        return new Verification(entries, Optional.empty());
    }

    static Verification broken(int entries, int line, String reason) {
        return new Verification(entries, Optional.of(new Break(line, reason)));
    }
}
