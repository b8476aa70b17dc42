package org.hearth.assistant.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hearth.assistant.grammar.SubsetSchema.ArraySchema;
import org.hearth.assistant.grammar.SubsetSchema.BooleanSchema;
import org.hearth.assistant.grammar.SubsetSchema.DateSchema;
import org.hearth.assistant.grammar.SubsetSchema.EnumSchema;
import org.hearth.assistant.grammar.SubsetSchema.IntegerSchema;
import org.hearth.assistant.grammar.SubsetSchema.NullSchema;
import org.hearth.assistant.grammar.SubsetSchema.Nullable;
import org.hearth.assistant.grammar.SubsetSchema.NumberSchema;
import org.hearth.assistant.grammar.SubsetSchema.ObjectSchema;
import org.hearth.assistant.grammar.SubsetSchema.Property;
import org.hearth.assistant.grammar.SubsetSchema.StringSchema;

/**
 * Checks a JSON document against a schema from the subset {@link JsonSchemaGrammar} supports.
 * Follows the schema's meaning, not the grammar's extra caps: a document can be valid here and
 * still be longer than the grammar would have let a model write.
 */
public final class JsonSchemaValidator {

    private static final Pattern DATE_DIGITS = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final SubsetSchema schema;

    private JsonSchemaValidator(SubsetSchema schema) {
        this.schema = schema;
    }

    /** @throws UnsupportedSchemaException if the schema leaves the supported subset */
    public static JsonSchemaValidator forSchema(JsonNode schema) {
        return new JsonSchemaValidator(SchemaReader.read(schema));
    }

    /** @throws IllegalArgumentException if the text is not JSON */
    public static JsonSchemaValidator forSchema(String schemaJson) {
        return forSchema(parse(schemaJson));
    }

    /** @return the violations in document order; empty if the document is valid */
    public List<SchemaViolation> validate(JsonNode document) {
        return violations(schema, document);
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<SchemaViolation> violations(SubsetSchema schema, JsonNode document) {
        List<SchemaViolation> found = new ArrayList<>();
        check(schema, document, "", found);
        return found;
    }

    /** JSON equality, where 1 and 1.0 are the same number. */
    static boolean containsValue(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (sameValue(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static void check(SubsetSchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        switch (schema) {
            case Nullable nullable -> {
                if (!node.isNull()) {
                    check(nullable.value(), node, pointer, found);
                }
            }
            case NullSchema n -> expect(node.isNull(), "null", node, pointer, found);
            case BooleanSchema b -> expect(node.isBoolean(), "a boolean", node, pointer, found);
            case NumberSchema n -> expect(node.isNumber(), "a number", node, pointer, found);
            case IntegerSchema integer -> checkInteger(integer, node, pointer, found);
            case StringSchema string -> checkString(string, node, pointer, found);
            case DateSchema date -> checkDate(date, node, pointer, found);
            case EnumSchema enumeration -> {
                if (enumeration.values().stream().noneMatch(value -> sameValue(value, node))) {
                    found.add(new SchemaViolation(pointer, "expected one of " + enumeration.values() + ", got " + node));
                }
            }
            case ArraySchema array -> checkArray(array, node, pointer, found);
            case ObjectSchema object -> checkObject(object, node, pointer, found);
        }
    }

    private static boolean expect(boolean holds, String expected, JsonNode node, String pointer, List<SchemaViolation> found) {
        if (!holds) {
            found.add(new SchemaViolation(pointer, "expected " + expected + ", got " + describe(node)));
        }
        return holds;
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase() + (node.isContainerNode() ? "" : " " + node);
    }

    private static void checkInteger(IntegerSchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        boolean integral = node.isNumber() && (node.isIntegralNumber() || node.decimalValue().stripTrailingZeros().scale() <= 0);
        if (!expect(integral, "an integer", node, pointer, found)) {
            return;
        }
        BigInteger value = node.decimalValue().toBigInteger();
        schema.minimum().filter(minimum -> value.compareTo(minimum) < 0)
                .ifPresent(minimum -> found.add(new SchemaViolation(pointer, value + " is below the minimum " + minimum)));
        schema.maximum().filter(maximum -> value.compareTo(maximum) > 0)
                .ifPresent(maximum -> found.add(new SchemaViolation(pointer, value + " is above the maximum " + maximum)));
    }

    private static void checkString(StringSchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        if (!expect(node.isTextual(), "a string", node, pointer, found)) {
            return;
        }
        String text = node.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < schema.minLength()) {
            found.add(new SchemaViolation(pointer, "string has " + length + " characters, fewer than minLength " + schema.minLength()));
        }
        schema.maxLength().ifPresent(max -> {
            if (length > max) {
                found.add(new SchemaViolation(pointer, "string has " + length + " characters, more than maxLength " + max));
            }
        });
    }

    private static void checkDate(DateSchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        if (!expect(node.isTextual(), "a date string", node, pointer, found)) {
            return;
        }
        String text = node.textValue();
        if (!DATE_DIGITS.matcher(text).matches()) {
            found.add(new SchemaViolation(pointer, "expected a date as YYYY-MM-DD, got \"" + text + "\""));
        } else if (schema.calendarDate() && !isCalendarDate(text)) {
            found.add(new SchemaViolation(pointer, "\"" + text + "\" is not a calendar date"));
        }
    }

    private static boolean isCalendarDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkArray(ArraySchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        if (!expect(node.isArray(), "an array", node, pointer, found)) {
            return;
        }
        if (node.size() < schema.minItems()) {
            found.add(new SchemaViolation(pointer, "array has " + node.size() + " items, fewer than minItems " + schema.minItems()));
        }
        schema.maxItems().ifPresent(max -> {
            if (node.size() > max) {
                found.add(new SchemaViolation(pointer, "array has " + node.size() + " items, more than maxItems " + max));
            }
        });
        for (int i = 0; i < node.size(); i++) {
            check(schema.items(), node.get(i), JsonPointers.child(pointer, i), found);
        }
    }

    private static void checkObject(ObjectSchema schema, JsonNode node, String pointer, List<SchemaViolation> found) {
        if (!expect(node.isObject(), "an object", node, pointer, found)) {
            return;
        }
        Set<String> declared = new HashSet<>();
        for (Property property : schema.properties()) {
            declared.add(property.name());
            JsonNode value = node.get(property.name());
            if (value != null) {
                check(property.schema(), value, JsonPointers.child(pointer, property.name()), found);
            } else if (property.required()) {
                found.add(new SchemaViolation(JsonPointers.child(pointer, property.name()), "required property is missing"));
            }
        }
        if (!schema.additionalProperties()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!declared.contains(entry.getKey())) {
                    found.add(new SchemaViolation(JsonPointers.child(pointer, entry.getKey()), "property is not allowed"));
                }
            }
        }
    }
}
