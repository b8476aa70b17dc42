package org.hearth.assistant.task.triage;

import java.util.Optional;

/**
 * What triage made of one mail: a result, or why there is none (e.g. the answer was cut off by
 * the token limit). One bad mail never stops the run.
 *
 * @param json            the model's answer as it was written
 * @param generatedTokens tokens the model wrote for this mail
 */
public record TriageOutcome(String uid, Optional<TriageResult> result, Optional<String> error, String json,
                            int generatedTokens) {

    static TriageOutcome ok(String uid, TriageResult result, String json, int tokens) {
        return new TriageOutcome(uid, Optional.of(result), Optional.empty(), json, tokens);
    }

    static TriageOutcome failed(String uid, String error, String json, int tokens) {
        return new TriageOutcome(uid, Optional.empty(), Optional.of(error), json, tokens);
    }

    public boolean ok() {
        return result.isPresent();
    }
}
