package org.hearth.assistant.route.egress;

import java.util.Map;

/**
 * What the router knows about a request before it is sent; the log adds the time, the body's size and hash.
 *
 * @param keepText whether the entry keeps the exact text sent (off unless the user turned it on)
 */
public record EgressRequest(String jobClass, String target, String host, String reason,
                            Map<String, Integer> placeholders, String confirmation, boolean keepText) {

    public EgressRequest {
        placeholders = Map.copyOf(placeholders);
    }
}
