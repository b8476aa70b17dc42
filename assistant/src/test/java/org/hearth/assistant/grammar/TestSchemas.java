package org.hearth.assistant.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Schemas shaped like the ones Hearth's tasks use. */
final class TestSchemas {

    static final String ENUM = """
            {"type": "string", "enum": ["frist", "mandant", "gericht", "werbung", "sonstiges"]}
            """;

    static final String PRIORITY = """
            {"type": "integer", "minimum": 1, "maximum": 5}
            """;

    static final String DATE = """
            {"type": "string", "format": "date"}
            """;

    static final String NESTED = """
            {"type": "object",
             "properties": {
               "sender": {"type": "object",
                          "properties": {"name": {"type": "string", "maxLength": 20},
                                         "role": {"enum": ["mandant", "gegner", "gericht"]}},
                          "required": ["name", "role"]},
               "urgent": {"type": "boolean"}},
             "required": ["sender", "urgent"],
             "additionalProperties": false}
            """;

    static final String ARRAY_OF_OBJECTS = """
            {"type": "array", "minItems": 1, "maxItems": 3,
             "items": {"type": "object",
                       "properties": {"id": {"type": "integer", "minimum": 0, "maximum": 999},
                                      "label": {"type": "string", "maxLength": 10}},
                       "required": ["id"]}}
            """;

    static final String NULLABLE = """
            {"type": "object",
             "properties": {
               "due": {"type": ["string", "null"], "format": "date"},
               "court": {"anyOf": [{"type": "string", "maxLength": 30}, {"type": "null"}]},
               "amount": {"oneOf": [{"type": "null"}, {"type": "number"}]}},
             "required": ["due", "court", "amount"]}
            """;

    static final String OPTIONAL_PROPERTIES = """
            {"type": "object",
             "properties": {
               "a": {"type": "integer", "minimum": 0, "maximum": 9},
               "b": {"type": "integer", "minimum": 0, "maximum": 9},
               "c": {"type": "integer", "minimum": 0, "maximum": 9},
               "d": {"type": "integer", "minimum": 0, "maximum": 9}},
             "required": ["c"]}
            """;

    static final String TRIAGE = """
            {"type": "object",
             "properties": {
               "category": {"type": "string", "enum": ["frist", "mandant", "gericht", "werbung", "sonstiges"]},
               "priority": {"type": "integer", "minimum": 1, "maximum": 5},
               "needs_reply": {"type": "boolean"},
               "deadlines": {"type": "array", "maxItems": 5,
                             "items": {"type": "object",
                                       "properties": {"date": {"type": "string", "format": "date"},
                                                      "what": {"type": "string", "maxLength": 80},
                                                      "quote": {"type": "string", "maxLength": 120}},
                                       "required": ["date", "what", "quote"],
                                       "additionalProperties": false}},
               "file_numbers": {"type": "array", "maxItems": 5, "items": {"type": "string", "maxLength": 40}},
               "summary": {"type": "string", "maxLength": 300}},
             "required": ["category", "priority", "needs_reply", "deadlines", "file_numbers", "summary"],
             "additionalProperties": false}
            """;

    static final String TRIAGE_VALID = """
            {"category":"frist","priority":5,"needs_reply":true,\
            "deadlines":[{"date":"2025-03-31","what":"Berufungsbegr\u00fcndung","quote":"bis zum 31.03.2025 \\"begr\u00fcnden\\""}],\
            "file_numbers":["12 O 345/24","3 U 7/25"],"summary":"Gericht setzt Frist.\\nBitte pr\u00fcfen."}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSchemas() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }
}
