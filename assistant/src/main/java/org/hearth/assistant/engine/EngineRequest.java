package org.hearth.assistant.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One user turn to answer.
 *
 * @param schema    a JSON schema the answer must follow, or empty for free text
 * @param maxTokens the most tokens the answer may have
 */
public record EngineRequest(String user, Optional<JsonNode> schema, Sampling sampling, int maxTokens) {

    public EngineRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }

    public static EngineRequest text(String user, Sampling sampling, int maxTokens) {
        return new EngineRequest(user, Optional.empty(), sampling, maxTokens);
    }

    public static EngineRequest structured(String user, JsonNode schema, Sampling sampling, int maxTokens) {
        return new EngineRequest(user, Optional.of(schema), sampling, maxTokens);
    }
}
