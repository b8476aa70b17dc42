package org.hearth.assistant.task.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The JSON one field's answer must be: {@code {"found":…,"value":"…","n":…,"quote":"…"}}, {@code n} from an
 * enum of exactly the sources in the prompt, lengths capped so the answer fits its allowance. {@code found}
 * comes first: the model decides whether the sources say it before it writes anything.
 */
final class FieldFormat {

    static final int MAX_VALUE_CHARS = 200;
    static final int MAX_QUOTE_CHARS = 240;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldFormat() {
    }

    static JsonNode schema(Collection<Integer> citable) {
        ArrayNode numbers = NODES.arrayNode();
        citable.forEach(numbers::add);
        ObjectNode root = NODES.objectNode().put("type", "object");
        ObjectNode properties = root.putObject("properties");
        properties.set("found", NODES.objectNode().put("type", "boolean"));
        properties.set("value", NODES.objectNode().put("type", "string").put("maxLength", MAX_VALUE_CHARS));
        properties.set("n", NODES.objectNode().set("enum", numbers));
        properties.set("quote", NODES.objectNode().put("type", "string").put("maxLength", MAX_QUOTE_CHARS));
        root.putArray("required").add("found").add("value").add("n").add("quote");
        root.put("additionalProperties", false);
        return root;
    }
}
