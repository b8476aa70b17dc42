package org.hearth.assistant.task.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.hearth.assistant.task.StructuredOutput;

/**
 * The JSON schema a triage answer must follow. String and array caps keep the answer short: the
 * grammar built from it bounds how many tokens even a rambling model can write.
 */
public final class TriageSchema {

    public static final int MAX_DEADLINES = 3;
    public static final int MAX_FILE_NUMBERS = 4;

    public static final String JSON = """
            {"type": "object",
             "properties": {
               "reason": {"type": "string", "maxLength": 120},
               "category": {"type": "string", "enum": ["client_request", "court_or_authority", "deadline_or_appointment",
                            "invoice_or_billing", "internal", "newsletter_or_marketing", "spam_or_phishing", "other"]},
               "priority": {"type": "integer", "minimum": 1, "maximum": 5},
               "needs_reply": {"type": "boolean"},
               "deadlines": {"type": "array", "maxItems": %d,
                             "items": {"type": "object",
                                       "properties": {"date": {"type": "string", "format": "date"},
                                                      "what": {"type": "string", "maxLength": 60},
                                                      "quote": {"type": "string", "maxLength": 100}},
                                       "required": ["date", "what", "quote"],
                                       "additionalProperties": false}},
               "file_numbers": {"type": "array", "maxItems": %d, "items": {"type": "string", "maxLength": 30}},
               "summary": {"type": "string", "maxLength": 160},
               "next_step": {"type": "string", "maxLength": 100}},
             "required": ["reason", "category", "priority", "needs_reply", "deadlines", "file_numbers", "summary", "next_step"],
             "additionalProperties": false}
            """.formatted(MAX_DEADLINES, MAX_FILE_NUMBERS);

    private static final StructuredOutput OUTPUT = StructuredOutput.fromSchema(schema());

    private TriageSchema() {
    }

    public static JsonNode schema() {
        try {
            return new ObjectMapper().readTree(JSON);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema and validator for triage answers. */
    public static StructuredOutput output() {
        return OUTPUT;
    }
}
