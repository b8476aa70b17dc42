package org.hearth.assistant.route.egress;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request that left the machine: when, for which kind of job, to which target and host, why it was routed
 * there, how many bytes, the SHA-256 of the exact body, how many values of each kind were replaced by placeholders,
 * and how the user confirmed it. The text itself only where the user asked for it to be kept.
 *
 * @param sequence     1 for the first entry of the log, then one more for each
 * @param confirmation "preview" (the user sent it from the preview), "policy" (the job class may go without asking),
 *                     "cli --yes"
 */
public record EgressEntry(long sequence, Instant time, String jobClass, String target, String host, String reason,
                          long bytes, String bodySha256, Map<String, Integer> placeholders, String confirmation,
                          Optional<String> text) {

    public EgressEntry {
        placeholders = Map.copyOf(placeholders);
    }
}
