package org.hearth.assistant.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Sampling;

/** The JSON of one streamed chat-completion request. */
final class ChatRequestBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatRequestBody() {
    }

    /** @param system an optional system message (null or blank for none) */
    static byte[] of(String model, String system, EngineRequest request, SchemaForm schemaForm) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (system != null && !system.isBlank()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        messages.addObject().put("role", "user").put("content", request.user());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("max_tokens", request.maxTokens());
        sampling(body, request.sampling());
        request.schema().ifPresent(schema -> body.set("response_format", responseFormat(schema, schemaForm)));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The OpenAI fields, and llama-server's and vLLM's extra ones only where they change something. */
    private static void sampling(ObjectNode body, Sampling sampling) {
        body.put("temperature", sampling.temperature());
        body.put("top_p", sampling.topP());
        if (sampling.topK() > 0) {
            body.put("top_k", sampling.topK());
        }
        if (sampling.minP() > 0) {
            body.put("min_p", sampling.minP());
        }
        if (sampling.repeatPenalty() != 1.0f) {
            body.put("repeat_penalty", sampling.repeatPenalty());
        }
        body.put("seed", sampling.seed());
    }

    private static ObjectNode responseFormat(JsonNode schema, SchemaForm form) {
        return switch (form) {
            case NESTED -> {
                ObjectNode format = JSON.createObjectNode().put("type", "json_schema");
                format.putObject("json_schema").put("name", "answer").put("strict", true).set("schema", schema);
                yield format;
            }
            case FLAT -> {
                ObjectNode format = JSON.createObjectNode().put("type", "json_object");
                format.set("schema", schema);
                yield format;
            }
        };
    }
}
