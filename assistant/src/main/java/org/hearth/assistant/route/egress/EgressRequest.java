package org.hearth.assistant.route.egress;

import java.util.Map;

/** What the router knows about a request before it is sent; the log adds the time, the body's size and hash. */
public record EgressRequest(String jobClass, String target, String host, String reason,
                            Map<String, Integer> placeholders, String confirmation) {

    public EgressRequest {
        placeholders = Map.copyOf(placeholders);
    }
}
