package org.hearth.assistant.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.hearth.assistant.grammar.JsonSchemaGrammar;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.grammar.SchemaViolation;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.StopReason;

/**
 * An answer that must be one JSON document following a schema: the grammar makes the model
 * unable to write anything else, and the parsed answer is validated again before anyone uses it,
 * because a token limit can still cut a document off.
 */
public final class StructuredOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String grammar;
    private final JsonSchemaValidator validator;

    private StructuredOutput(String grammar, JsonSchemaValidator validator) {
        this.grammar = grammar;
        this.validator = validator;
    }

    /** @throws org.hearth.assistant.grammar.UnsupportedSchemaException for schema features outside the supported subset */
    public static StructuredOutput fromSchema(JsonNode schema) {
        return new StructuredOutput(JsonSchemaGrammar.toGbnf(schema), JsonSchemaValidator.forSchema(schema));
    }

    /** The GBNF grammar for the sampler. */
    public String grammar() {
        return grammar;
    }

    /**
     * The answer as a validated JSON document.
     *
     * @throws InvalidStructuredOutputException when it was cut off or does not validate
     */
    public JsonNode parseAndValidate(GenerationResult result) {
        if (result.stopReason() == StopReason.MAX_TOKENS || result.stopReason() == StopReason.CONTEXT_FULL) {
            throw new InvalidStructuredOutputException("The answer was cut off after " + result.tokens().length
                    + " tokens before its JSON was complete; allow more tokens.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(result.text());
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
