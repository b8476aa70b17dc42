package org.hearth.assistant.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.assistant.grammar.TestSchemas.json;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSchemaGrammarTest {

    private static GbnfRecognizer grammar(String schema) {
        return GbnfRecognizer.parse(JsonSchemaGrammar.toGbnf(schema));
    }

    private static void assertLanguage(String schema, List<String> accepted, List<String> rejected) {
        GbnfRecognizer grammar = grammar(schema);
        JsonSchemaValidator validator = JsonSchemaValidator.forSchema(schema);
        for (String document : accepted) {
            assertThat(grammar.matches(document)).as("grammar accepts %s", document).isTrue();
            assertThat(validator.validate(json(document))).as("validator accepts %s", document).isEmpty();
        }
        for (String document : rejected) {
            assertThat(grammar.matches(document)).as("grammar rejects %s", document).isFalse();
        }
    }

    @Test
    void enumAllowsExactlyItsValues() {
        assertLanguage(TestSchemas.ENUM,
                List.of("\"frist\"", "\"sonstiges\""),
                List.of("\"Frist\"", "\"fris\"", "frist", "\"frist\" ", "\"\"", "null"));
    }

    @Test
    void integerRangeOneToFiveIsExact() {
        assertLanguage(TestSchemas.PRIORITY,
                List.of("1", "2", "3", "4", "5"),
                List.of("0", "6", "-1", "01", "1.0", "10", "\"3\"", " 3"));
    }

    @Test
    void dateAcceptsCalendarDatesOnly() {
        assertLanguage(TestSchemas.DATE,
                List.of("\"2025-03-31\"", "\"2024-02-29\"", "\"2000-02-29\"", "\"1999-12-01\"", "\"2025-11-30\""),
                List.of("\"2023-02-29\"", "\"1900-02-29\"", "\"2025-04-31\"", "\"2025-13-01\"", "\"2025-00-10\"",
                        "\"2025-01-00\"", "\"2025-1-01\"", "\"25-01-01\"", "\"2025-01-01T10:00\"", "2025-01-01"));
    }

    @Test
    void datePatternBehavesLikeADate() {
        String schema = """
                {"type": "string", "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$"}
                """;
        assertLanguage(schema, List.of("\"2025-03-31\""), List.of("\"2025-3-31\"", "\"2025-02-30\""));
    }

    @Test
    void nestedObjectIsCompactAndOrdered() {
        assertLanguage(TestSchemas.NESTED,
                List.of("{\"sender\":{\"name\":\"Dr. M\u00fcller\",\"role\":\"gericht\"},\"urgent\":false}"),
                List.of("{\"sender\": {\"name\":\"x\",\"role\":\"gericht\"},\"urgent\":false}",
                        "{\"urgent\":false,\"sender\":{\"name\":\"x\",\"role\":\"gericht\"}}",
                        "{\"sender\":{\"name\":\"x\"},\"urgent\":false}",
                        "{\"sender\":{\"name\":\"x\",\"role\":\"gericht\"},\"urgent\":false,\"extra\":1}",
                        "{\"sender\":{\"name\":\"123456789012345678901\",\"role\":\"gericht\"},\"urgent\":false}"));
    }

    @Test
    void arrayOfObjectsRespectsItemBounds() {
        assertLanguage(TestSchemas.ARRAY_OF_OBJECTS,
                List.of("[{\"id\":0}]", "[{\"id\":7,\"label\":\"Akte\"},{\"id\":999}]", "[{\"id\":1},{\"id\":2},{\"id\":3}]"),
                List.of("[]", "[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4}]", "[{\"id\":1000}]", "[{\"label\":\"x\"}]",
                        "[{\"id\":1},]", "[{\"id\":1} ,{\"id\":2}]"));
    }

    @Test
    void nullableFieldsTakeValueOrNull() {
        assertLanguage(TestSchemas.NULLABLE,
                List.of("{\"due\":null,\"court\":null,\"amount\":null}",
                        "{\"due\":\"2025-01-31\",\"court\":\"LG K\u00f6ln\",\"amount\":1250.5}",
                        "{\"due\":null,\"court\":\"\",\"amount\":-0.25}"),
                List.of("{\"due\":\"null\",\"court\":null,\"amount\":null}",
                        "{\"due\":null,\"court\":null}",
                        "{\"due\":null,\"court\":null,\"amount\":1e5}"));
    }

    @Test
    void optionalPropertiesMayBeLeftOutWithoutStrayCommas() {
        assertLanguage(TestSchemas.OPTIONAL_PROPERTIES,
                List.of("{\"c\":1}", "{\"a\":1,\"c\":2}", "{\"b\":1,\"c\":2,\"d\":3}", "{\"a\":0,\"b\":1,\"c\":2,\"d\":3}",
                        "{\"c\":2,\"d\":3}"),
                List.of("{}", "{\"a\":1}", "{,\"c\":1}", "{\"c\":1,}", "{\"a\":1,,\"c\":2}", "{\"b\":1,\"a\":1,\"c\":2}",
                        "{\"a\":1,\"d\":3}"));
    }

    @Test
    void objectWithoutRequiredPropertiesMayBeEmpty() {
        String schema = """
                {"type": "object", "properties": {"x": {"type": "boolean"}, "y": {"type": "null"}}}
                """;
        assertLanguage(schema, List.of("{}", "{\"x\":true}", "{\"y\":null}", "{\"x\":false,\"y\":null}"),
                List.of("{,}", "{\"y\":null,\"x\":true}", "{\"x\":true,}"));
    }

    @Test
    void triageSchemaAcceptsARealisticAnswer() {
        assertLanguage(TestSchemas.TRIAGE,
                List.of(TestSchemas.TRIAGE_VALID,
                        "{\"category\":\"werbung\",\"priority\":1,\"needs_reply\":false,\"deadlines\":[],\"file_numbers\":[],\"summary\":\"\"}"),
                List.of(TestSchemas.TRIAGE_VALID.replace("\"priority\":5", "\"priority\":6"),
                        TestSchemas.TRIAGE_VALID.replace("2025-03-31", "2025-02-31"),
                        TestSchemas.TRIAGE_VALID.replace("\"needs_reply\":true,", ""),
                        TestSchemas.TRIAGE_VALID.replace("\"category\":\"frist\"", "\"category\":\"urgent\""),
                        TestSchemas.TRIAGE_VALID.replace(",", ", ")));
    }

    @Test
    void stringsAllowJsonEscapesButNoRawControlsOrQuotes() {
        String schema = """
                {"type": "string", "maxLength": 5}
                """;
        assertLanguage(schema,
                List.of("\"\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\n\\t\\/\"", "\"\\u00e4\\u20AC\"", "\"\u00e4\u20ac\uD83D\uDE00\""),
                List.of("\"a\"b\"", "\"a\\x\"", "\"\n\"", "\"\u0001\"", "\"\\u12\"", "\"a\\\"",
                        // a surrogate pair would count as two characters in the grammar but one in the schema
                        "\"\\ud83d\\ude00\""));
    }

    @Test
    void stringLengthBoundsAreEnforcedByTheGrammar() {
        String bounded = """
                {"type": "string", "minLength": 2, "maxLength": 4}
                """;
        assertLanguage(bounded, List.of("\"ab\"", "\"\u00e4\u00f6\u00fc\u00df\"", "\"\\n\\n\""), List.of("\"a\"", "\"abcde\"", "\"\u00e4\u00f6\u00fc\u00df!\""));

        GbnfRecognizer unbounded = grammar("{\"type\": \"string\"}");
        assertThat(unbounded.matches("\"" + "x".repeat(GrammarLimits.DEFAULT.maxStringLength()) + "\"")).isTrue();
        assertThat(unbounded.matches("\"" + "x".repeat(GrammarLimits.DEFAULT.maxStringLength() + 1) + "\"")).isFalse();
        assertThat(unbounded.longestMatch()).isEqualTo(GrammarLimits.DEFAULT.maxStringLength() * 6L + 2);
    }

    @Test
    void arrayItemCountsAreCappedWhenTheSchemaSetsNoMaximum() {
        GbnfRecognizer grammar = grammar("{\"type\": \"array\", \"items\": {\"type\": \"boolean\"}}");
        int cap = GrammarLimits.DEFAULT.maxArrayItems();
        assertThat(grammar.matches(booleans(cap))).isTrue();
        assertThat(grammar.matches(booleans(cap + 1))).isFalse();
        assertThat(grammar.matches("[]")).isTrue();
        // "false" per item, commas between, brackets around
        assertThat(grammar.longestMatch()).isEqualTo(cap * 5L + (cap - 1) + 2);
    }

    private static String booleans(int count) {
        return "[" + String.join(",", java.util.Collections.nCopies(count, "true")) + "]";
    }

    @Test
    void hugeSchemaBoundsAreClampedBelowLlamaCppsRepetitionLimit() {
        // llama.cpp drops bounds above 2000 and refuses n * (rules in a repeated group) >= 2000
        GbnfRecognizer grammar = grammar("""
                {"type": "array", "maxItems": 5000, "items": {"type": ["string", "null"], "maxLength": 100000}}
                """);
        assertThat(grammar.longestMatch()).isEqualTo(2 + GrammarLimits.MAX_REPETITION * (2 + 6L * GrammarLimits.MAX_REPETITION)
                + GrammarLimits.MAX_REPETITION - 1);
        assertThat(grammar.matches("[null,\"a\",null]")).isTrue();
    }

    @Test
    void customLimitsReplaceTheDefaults() {
        String gbnf = JsonSchemaGrammar.toGbnf(json("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"), new GrammarLimits(3, 2));
        GbnfRecognizer grammar = GbnfRecognizer.parse(gbnf);
        assertThat(grammar.matches("[\"abc\",\"def\"]")).isTrue();
        assertThat(grammar.matches("[\"abcd\"]")).isFalse();
        assertThat(grammar.matches("[\"a\",\"b\",\"c\"]")).isFalse();
    }

    @Test
    void numbersAndIntegersHaveBoundedDigits() {
        GbnfRecognizer integer = grammar("{\"type\": \"integer\"}");
        assertThat(integer.matches("999999999999999")).isTrue();
        assertThat(integer.matches("-999999999999999")).isTrue();
        assertThat(integer.matches("1000000000000000")).isFalse();
        assertThat(integer.matches("-0")).isFalse();
        assertThat(integer.longestMatch()).isEqualTo(16);

        GbnfRecognizer number = grammar("{\"type\": \"number\"}");
        assertThat(number.matches("-123.456789")).isTrue();
        assertThat(number.matches("0.5")).isTrue();
        assertThat(number.matches("1.1234567")).isFalse();
        assertThat(number.matches(".5")).isFalse();
        assertThat(number.matches("1.")).isFalse();
        assertThat(number.matches("00")).isFalse();
        assertThat(number.longestMatch()).isEqualTo(1 + 15 + 1 + 6);
    }

    static Stream<Arguments> allSchemas() {
        return Stream.of(TestSchemas.ENUM, TestSchemas.PRIORITY, TestSchemas.DATE, TestSchemas.NESTED, TestSchemas.ARRAY_OF_OBJECTS,
                TestSchemas.NULLABLE, TestSchemas.OPTIONAL_PROPERTIES, TestSchemas.TRIAGE).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void everyGenerationIsFiniteAndSchemaValid(String schema) {
        GbnfRecognizer grammar = grammar(schema);
        JsonSchemaValidator validator = JsonSchemaValidator.forSchema(schema);
        assertThat(grammar.longestMatch()).as("longest document the grammar allows").isLessThan(20_000);

        Random random = new Random(schema.hashCode());
        for (int i = 0; i < 300; i++) {
            String document = grammar.generate(random);
            assertThat(grammar.matches(document)).as("generated %s", document).isTrue();
            assertThat(validator.validate(json(document))).as("generated %s", document).isEmpty();
        }
    }

    @Test
    void oddPropertyNamesGetValidUniqueRuleNamesAndExactKeys() {
        String schema = """
                {"type": "object",
                 "properties": {
                   "Frist \u00e4ndern": {"enum": ["ja", "nein"]},
                   "needs_reply": {"enum": [1, 2]},
                   "a b": {"enum": [true]},
                   "a-b": {"enum": [false]},
                   "say \\"hi\\"\\\\": {"enum": ["x"]},
                   "\u00dcbersicht/Stra\u00dfe": {"enum": ["y"]},
                   "": {"enum": ["z"]},
                   "\u6cd5": {"enum": [null]}},
                 "required": ["Frist \u00e4ndern", "needs_reply", "a b", "a-b", "say \\"hi\\"\\\\", "\u00dcbersicht/Stra\u00dfe", "", "\u6cd5"]}
                """;
        String gbnf = JsonSchemaGrammar.toGbnf(schema);
        GbnfRecognizer grammar = GbnfRecognizer.parse(gbnf);

        assertThat(gbnf).isASCII();
        assertThat(grammar.ruleNames()).allMatch(name -> name.matches("[a-z0-9-]+"))
                .contains("root", "root-frist-aendern", "root-needs-reply", "root-a-b", "root-a-b-2", "root-say-hi",
                        "root-uebersicht-strasse", "root-property", "root-property-2");
        String document = "{\"Frist \u00e4ndern\":\"ja\",\"needs_reply\":2,\"a b\":true,\"a-b\":false,\"say \\\"hi\\\"\\\\\":\"x\","
                + "\"\u00dcbersicht/Stra\u00dfe\":\"y\",\"\":\"z\",\"\u6cd5\":null}";
        assertThat(grammar.matches(document)).isTrue();
        assertThat(JsonSchemaValidator.forSchema(schema).validate(json(document))).isEmpty();
        assertThat(grammar.matches(document.replace("\"a b\"", "\"a-b\""))).isFalse();
    }

    @Test
    void localReferencesAreResolvedAndShared() {
        String schema = """
                {"type": "object",
                 "$defs": {"party": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 12}}, "required": ["name"]}},
                 "properties": {"plaintiff": {"$ref": "#/$defs/party"}, "defendant": {"$ref": "#/$defs/party"}},
                 "required": ["plaintiff", "defendant"]}
                """;
        String gbnf = JsonSchemaGrammar.toGbnf(schema);
        assertLanguage(schema, List.of("{\"plaintiff\":{\"name\":\"A\"},\"defendant\":{\"name\":\"B\"}}"),
                List.of("{\"plaintiff\":{\"name\":\"A\"},\"defendant\":{}}"));
        assertThat(gbnf).contains("root-plaintiff ::=").doesNotContain("root-defendant ::=");
    }

    @Test
    void constBecomesALiteral() {
        assertLanguage("{\"const\": \"triage-v1\"}", List.of("\"triage-v1\""), List.of("\"triage-v2\""));
    }

    @Test
    void enumValuesOutsideTheTypeAreDropped() {
        assertLanguage("{\"type\": \"string\", \"maxLength\": 3, \"enum\": [\"ab\", \"abcd\", 5]}", List.of("\"ab\""),
                List.of("\"abcd\"", "5"));
    }

    static Stream<Arguments> unsupportedSchemas() {
        return Stream.of(
                Arguments.of("{\"type\": \"string\", \"format\": \"email\"}", "", "format"),
                Arguments.of("{\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"}", "", "pattern"),
                Arguments.of("{\"type\": [\"string\", \"integer\"]}", "", "type"),
                Arguments.of("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}", "", "oneOf"),
                Arguments.of("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}, {\"type\": \"integer\"}]}", "", "anyOf"),
                Arguments.of("{\"allOf\": [{\"type\": \"string\"}]}", "", "allOf"),
                Arguments.of("{\"type\": \"number\", \"minimum\": 0}", "", "minimum"),
                Arguments.of("{\"type\": \"array\"}", "", "items"),
                Arguments.of("{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"uniqueItems\": true}", "", "uniqueItems"),
                Arguments.of("{\"type\": \"string\", \"minLength\": 5000}", "", "minLength"),
                Arguments.of("{\"properties\": {\"a\": {\"type\": \"string\"}}}", "", "type"),
                Arguments.of("{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}", "", "additionalProperties"),
                Arguments.of("{\"type\": \"object\", \"required\": [\"ghost\"]}", "", "required"),
                Arguments.of("{\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/missing\"}}}", "/properties/x", "$ref"),
                Arguments.of("{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"child\": {\"$ref\": \"#/$defs/node\"}}}},"
                        + " \"$ref\": \"#/$defs/node\"}", "/$defs/node/properties/child", "$ref"),
                Arguments.of(TestSchemas.TRIAGE.replace("\"format\": \"date\"", "\"format\": \"date-time\""),
                        "/properties/deadlines/items/properties/date", "format"),
                Arguments.of("{\"type\": \"object\", \"properties\": {\"a/b\": {\"type\": \"integer\", \"multipleOf\": 2}}}",
                        "/properties/a~1b", "multipleOf"),
                Arguments.of("{\"type\": \"integer\", \"minimum\": 1e20}", "", "minimum"),
                Arguments.of("{\"type\": \"integer\", \"minimum\": 5, \"maximum\": 4}", "", "minimum"),
                Arguments.of("{\"enum\": [[1, 2]]}", "", "enum"),
                Arguments.of("true", "", ""));
    }

    @ParameterizedTest
    @MethodSource("unsupportedSchemas")
    void unsupportedKeywordsAreNamedWithTheirPointer(String schema, String pointer, String keyword) {
        for (Runnable conversion : List.<Runnable>of(() -> JsonSchemaGrammar.toGbnf(schema), () -> JsonSchemaValidator.forSchema(schema))) {
            assertThatThrownBy(conversion::run)
                    .isInstanceOfSatisfying(UnsupportedSchemaException.class, e -> {
                        assertThat(e.pointer()).isEqualTo(pointer);
                        assertThat(e.keyword()).isEqualTo(keyword);
                        assertThat(e.getMessage()).contains("'" + pointer + "'").contains("'" + keyword + "'");
                    });
        }
    }
}
