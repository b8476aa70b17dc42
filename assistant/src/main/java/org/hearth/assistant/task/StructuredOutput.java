package org.hearth.assistant.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.grammar.SchemaViolation;

/**
 * An answer that must be one JSON document following a schema: the engine is given the schema
 * (a grammar or the server's structured output keeps the model to it), and the parsed answer is
 * validated again before anyone uses it, because a token limit can still cut a document off and
 * a remote server may honour a schema only loosely.
 */
public final class StructuredOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schema;
    private final JsonSchemaValidator validator;

    private StructuredOutput(JsonNode schema, JsonSchemaValidator validator) {
        this.schema = schema;
        this.validator = validator;
    }

    /** @throws org.hearth.assistant.grammar.UnsupportedSchemaException for schema features outside the supported subset */
    public static StructuredOutput fromSchema(JsonNode schema) {
        return new StructuredOutput(schema, JsonSchemaValidator.forSchema(schema));
    }

    /** The schema to hand the engine with the request. */
    public JsonNode schema() {
        return schema;
    }

    /**
     * The answer as a validated JSON document.
     *
     * @throws InvalidStructuredOutputException when it was cut off or does not validate
     */
    public JsonNode parseAndValidate(Completion completion) {
        FinishReason finish = completion.finishReason();
        if (finish == FinishReason.MAX_TOKENS || finish == FinishReason.CONTEXT_FULL) {
            throw new InvalidStructuredOutputException("The answer was cut off after " + completion.usage().generatedTokens()
                    + " tokens before its JSON was complete; allow more tokens.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(completion.text());
        } catch (JsonProcessingException e) {
            throw new InvalidStructuredOutputException("The answer is not valid JSON: " + e.getOriginalMessage());
        }
        List<SchemaViolation> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new InvalidStructuredOutputException("The answer does not follow the schema: "
                    + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")));
        }
        return document;
    }

    /** The model's answer could not be used as the structured result it had to be. */
    public static final class InvalidStructuredOutputException extends RuntimeException {
        public InvalidStructuredOutputException(String message) {
            super(message);
        }
    }
}
