package org.hearth.assistant.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.assistant.grammar.TestSchemas.json;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaValidatorTest {

    private static List<String> pointers(String schema, String document) {
        return JsonSchemaValidator.forSchema(schema).validate(json(document)).stream().map(SchemaViolation::pointer).toList();
    }

    @Test
    void acceptsAValidTriageAnswer() {
        assertThat(JsonSchemaValidator.forSchema(TestSchemas.TRIAGE).validate(json(TestSchemas.TRIAGE_VALID))).isEmpty();
    }

    @Test
    void reportsEveryViolationOfATriageAnswerWithItsPointer() {
        String broken = """
                {"category": "urgent", "priority": 0, "needs_reply": "yes",
                 "deadlines": [{"date": "2025-02-30", "what": "x", "quote": "y"},
                               {"date": "31.03.2025", "what": "x"}],
                 "file_numbers": ["ok", 7],
                 "extra": true}
                """;
        assertThat(pointers(TestSchemas.TRIAGE, broken)).containsExactly(
                "/category", "/priority", "/needs_reply", "/deadlines/0/date", "/deadlines/1/date", "/deadlines/1/quote",
                "/file_numbers/1", "/summary", "/extra");
    }

    @Test
    void messagesSayWhatIsWrong() {
        List<SchemaViolation> violations = JsonSchemaValidator.forSchema(TestSchemas.PRIORITY).validate(json("7"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEmpty();
            assertThat(v.message()).contains("maximum 5");
        });
        assertThat(JsonSchemaValidator.forSchema(TestSchemas.DATE).validate(json("\"2023-02-29\"")))
                .singleElement().extracting(SchemaViolation::message).asString().contains("not a calendar date");
    }

    @Test
    void integerRange() {
        for (String valid : List.of("1", "5", "3.0")) {
            assertThat(pointers(TestSchemas.PRIORITY, valid)).as(valid).isEmpty();
        }
        for (String invalid : List.of("0", "6", "2.5", "\"3\"", "null")) {
            assertThat(pointers(TestSchemas.PRIORITY, invalid)).as(invalid).containsExactly("");
        }
    }

    @Test
    void exclusiveBoundsAreHonoured() {
        String schema = "{\"type\": \"integer\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 3}";
        assertThat(pointers(schema, "1")).isEmpty();
        assertThat(pointers(schema, "2")).isEmpty();
        assertThat(pointers(schema, "0")).containsExactly("");
        assertThat(pointers(schema, "3")).containsExactly("");
        GbnfRecognizer grammar = GbnfRecognizer.parse(JsonSchemaGrammar.toGbnf(schema));
        assertThat(grammar.matches("2")).isTrue();
        assertThat(grammar.matches("3")).isFalse();
    }

    @Test
    void nullableFields() {
        assertThat(pointers(TestSchemas.NULLABLE, "{\"due\": null, \"court\": null, \"amount\": null}")).isEmpty();
        assertThat(pointers(TestSchemas.NULLABLE, "{\"due\": \"2025-01-01\", \"court\": \"LG\", \"amount\": 3}")).isEmpty();
        assertThat(pointers(TestSchemas.NULLABLE, "{\"due\": \"soon\", \"court\": 5, \"amount\": \"x\"}"))
                .containsExactly("/due", "/court", "/amount");
        assertThat(pointers(TestSchemas.NULLABLE, "{}")).containsExactly("/due", "/court", "/amount");
    }

    @Test
    void nestedObjectsAndArrays() {
        assertThat(pointers(TestSchemas.NESTED, "{\"sender\": {\"name\": \"x\", \"role\": \"mandant\"}, \"urgent\": true}")).isEmpty();
        assertThat(pointers(TestSchemas.NESTED, "{\"sender\": {\"name\": \"" + "x".repeat(21) + "\", \"role\": \"richter\"}, \"urgent\": 1}"))
                .containsExactly("/sender/name", "/sender/role", "/urgent");
        assertThat(pointers(TestSchemas.ARRAY_OF_OBJECTS, "[]")).containsExactly("");
        assertThat(pointers(TestSchemas.ARRAY_OF_OBJECTS, "[{\"id\": 1}, {\"id\": -1}, {\"label\": \"x\"}, {\"id\": 2}]"))
                .containsExactly("", "/1/id", "/2/id");
        assertThat(pointers(TestSchemas.ARRAY_OF_OBJECTS, "{\"id\": 1}")).containsExactly("");
    }

    @Test
    void stringLengthCountsCodePoints() {
        String schema = "{\"type\": \"string\", \"maxLength\": 2}";
        assertThat(pointers(schema, "\"\u00e4\uD83D\uDE00\"")).isEmpty();
        assertThat(pointers(schema, "\"abc\"")).containsExactly("");
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        String schema = "{\"type\": \"object\", \"properties\": {\"a/b\": {\"type\": \"boolean\"}, \"c~d\": {\"type\": \"null\"}}, \"required\": [\"a/b\", \"c~d\"]}";
        assertThat(pointers(schema, "{\"a/b\": 1, \"c~d\": 2}")).containsExactly("/a~1b", "/c~0d");
    }

    @Test
    void additionalPropertiesAreAllowedUnlessForbidden() {
        String open = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"boolean\"}}}";
        assertThat(pointers(open, "{\"a\": true, \"b\": 1}")).isEmpty();
        assertThat(pointers(open.replace("}}}", "}}, \"additionalProperties\": false}"), "{\"a\": true, \"b\": 1}")).containsExactly("/b");
    }

    @Test
    void enumComparesNumbersByValue() {
        assertThat(pointers("{\"enum\": [1, \"1\", null]}", "1.0")).isEmpty();
        assertThat(pointers("{\"enum\": [1, \"1\", null]}", "null")).isEmpty();
        assertThat(pointers("{\"enum\": [1, \"1\", null]}", "2")).containsExactly("");
    }
}
