package org.hearth.assistant.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Turns a JSON schema into a GBNF grammar for llama.cpp's grammar sampler. The grammar admits
 * only compact JSON (no whitespace between tokens) that the schema accepts, with object
 * properties in declaration order, and every string, array and number bounded so that every
 * generation finishes: caps come from the schema or, where it has none, from {@link GrammarLimits}.
 *
 * <p>Every repetition is applied to a single rule reference or to a group of a literal and a
 * rule already referenced, so llama.cpp's limit on repeated rules
 * ({@code MAX_REPETITION_THRESHOLD}) is never reached.
 */
public final class JsonSchemaGrammar {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One JSON string character: a Unicode scalar value other than '"', '\' and controls, or an
     * escape (no lone surrogates). Listed as ranges rather than negated: llama.cpp decodes a
     * malformed byte sequence from a byte-level model to a surrogate or a value past U+10FFFF, and
     * a negated class would let that through as one "character" that is no character at all.
     */
    private static final String STRING_CHARACTER = "[\\x20-\\x21\\x23-\\x5B\\x5D-\\uD7FF\\uE000-\\U0010FFFF] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" "
            + "([0-9a-cA-Ce-fE-F] [0-9a-fA-F]{3} | [dD] [0-7] [0-9a-fA-F]{2}))";

    /** Real calendar dates: month lengths and leap years (every 4th, not centuries unless every 400th). */
    private static final Map<String, String> DATE_RULES = orderedRules(
            "date", "\"\\\"\" (date-year \"-\" (date-month-31 \"-\" date-day-31 | date-month-30 \"-\" date-day-30"
                    + " | \"02-\" date-day-28) | date-leap-year \"-02-29\") \"\\\"\"",
            "date-year", "[0-9]{4}",
            "date-leap-year", "[0-9]{2} (\"0\" [48] | [2468] [048] | [13579] [26]) | ([02468] [048] | [13579] [26]) \"00\"",
            "date-month-31", "\"0\" [13578] | \"1\" [02]",
            "date-month-30", "\"0\" [469] | \"11\"",
            "date-day-28", "\"0\" [1-9] | \"1\" [0-9] | \"2\" [0-8]",
            "date-day-30", "date-day-28 | \"29\" | \"30\"",
            "date-day-31", "date-day-30 | \"31\"");

    private static final String NUMBER = "\"-\"? (\"0\" | [1-9] " + Gbnf.repeat("[0-9]", 0, GrammarLimits.MAX_INTEGER_DIGITS - 1)
            + ") (\".\" " + Gbnf.repeat("[0-9]", 1, GrammarLimits.MAX_FRACTION_DIGITS) + ")?";

    private final GrammarLimits limits;
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final Map<String, String> nameByBody = new HashMap<>();

    private JsonSchemaGrammar(GrammarLimits limits) {
        this.limits = limits;
    }

    /** @throws UnsupportedSchemaException if the schema leaves the supported subset */
    public static String toGbnf(JsonNode schema) {
        return toGbnf(schema, GrammarLimits.DEFAULT);
    }

    /** @throws UnsupportedSchemaException if the schema leaves the supported subset */
    public static String toGbnf(JsonNode schema, GrammarLimits limits) {
        return new JsonSchemaGrammar(limits).write(SchemaReader.read(schema));
    }

    /** @throws IllegalArgumentException if the text is not JSON */
    public static String toGbnf(String schemaJson) {
        return toGbnf(JsonSchemaValidator.parse(schemaJson));
    }

    private String write(SubsetSchema schema) {
        rules.put("root", ""); // reserves the name and the first line before the rules root refers to
        rules.put("root", body(schema, "root"));
        StringBuilder grammar = new StringBuilder();
        rules.forEach((name, body) -> grammar.append(name).append(" ::= ").append(body).append('\n'));
        return grammar.toString();
    }

    /**
     * The name of the rule for a value of this schema. Always a single name, never a group:
     * a repeated group counts against llama.cpp's limit once per rule created inside it.
     */
    private String reference(SubsetSchema schema, String path) {
        return switch (schema) {
            case Nullable nullable -> {
                String value = reference(nullable.value(), path);
                yield define(value + "-or-null", value + " | \"null\"");
            }
            case DateSchema date -> {
                DATE_RULES.forEach(this::define);
                yield "date";
            }
            default -> define(ruleName(schema, path), body(schema, path));
        };
    }

    /** Primitive rules are named after their shape and shared; structures after their place in the document. */
    private String ruleName(SubsetSchema schema, String path) {
        return switch (schema) {
            case StringSchema string -> "string-" + string.minLength() + "-" + maxLength(string);
            case IntegerSchema integer -> {
                Range range = Range.of(integer);
                yield range.equals(Range.UNBOUNDED) ? "integer" : "integer-" + signed(range.low()) + "-" + signed(range.high());
            }
            case NumberSchema number -> "number";
            case BooleanSchema b -> "boolean";
            case NullSchema n -> "null";
            default -> path;
        };
    }

    private static String signed(long value) {
        return value < 0 ? "minus" + -value : Long.toString(value);
    }

    private String body(SubsetSchema schema, String path) {
        return switch (schema) {
            case Nullable nullable -> reference(nullable.value(), path) + " | \"null\"";
            case NullSchema n -> "\"null\"";
            case BooleanSchema b -> "\"true\" | \"false\"";
            case NumberSchema n -> NUMBER;
            case IntegerSchema integer -> integerBody(integer);
            case StringSchema string -> stringBody(string);
            case DateSchema date -> reference(date, path);
            case EnumSchema enumeration ->
                    String.join(" | ", enumeration.values().stream().map(value -> Gbnf.literal(compact(value))).toList());
            case ArraySchema array -> arrayBody(array, path);
            case ObjectSchema object -> objectBody(object, path);
        };
    }

    private String stringBody(StringSchema schema) {
        String character = define("string-char", STRING_CHARACTER);
        return Gbnf.sequence("\"\\\"\"", Gbnf.repeat(character, schema.minLength(), maxLength(schema)), "\"\\\"\"");
    }

    private int maxLength(StringSchema schema) {
        return Math.min(schema.maxLength().orElse(Math.max(limits.maxStringLength(), schema.minLength())), GrammarLimits.MAX_REPETITION);
    }

    /** Inclusive integer bounds, narrowed to the digits the grammar allows. */
    private record Range(long low, long high) {

        static final Range UNBOUNDED = new Range(-SchemaReader.LARGEST_INTEGER.longValueExact(), SchemaReader.LARGEST_INTEGER.longValueExact());

        static Range of(IntegerSchema schema) {
            BigInteger low = BigInteger.valueOf(UNBOUNDED.low());
            BigInteger high = BigInteger.valueOf(UNBOUNDED.high());
            return new Range(schema.minimum().orElse(low).max(low).longValueExact(), schema.maximum().orElse(high).min(high).longValueExact());
        }
    }

    private static String integerBody(IntegerSchema schema) {
        Range range = Range.of(schema);
        return IntegerRangeGrammar.expression(range.low(), range.high());
    }

    private String arrayBody(ArraySchema schema, String path) {
        int max = Math.min(schema.maxItems().orElse(Math.max(limits.maxArrayItems(), schema.minItems())), GrammarLimits.MAX_REPETITION);
        if (max == 0) {
            return "\"[]\"";
        }
        String item = reference(schema.items(), path + "-item");
        String more = Gbnf.repeat("(\",\" " + item + ")", Math.max(schema.minItems() - 1, 0), max - 1);
        String items = Gbnf.sequence(item, more, "\"]\"");
        // no '?' on a group holding a repetition: llama.cpp counts its rules against MAX_REPETITION_THRESHOLD
        return schema.minItems() == 0 ? "\"[\" (\"]\" | " + items + ")" : "\"[\" " + items;
    }

    /**
     * Properties in declaration order; optional ones may be left out. Each alternative starts
     * with a different first property (any optional one up to the first required one), so the
     * commas come out right without the grammar ever being ambiguous.
     */
    private String objectBody(ObjectSchema schema, String path) {
        List<Property> properties = schema.properties();
        List<List<String>> members = new ArrayList<>();
        for (Property property : properties) {
            String key = Gbnf.literal(compact(JSON.getNodeFactory().textNode(property.name())) + ":");
            members.add(List.of(key, reference(property.schema(), path + "-" + Gbnf.ruleName(property.name()))));
        }
        List<List<String>> alternatives = new ArrayList<>();
        boolean requiredSeen = false;
        for (int first = 0; first < properties.size() && !requiredSeen; first++) {
            requiredSeen = properties.get(first).required();
            List<String> sequence = new ArrayList<>(members.get(first));
            for (int next = first + 1; next < properties.size(); next++) {
                List<String> member = new ArrayList<>(List.of("\",\""));
                member.addAll(members.get(next));
                if (properties.get(next).required()) {
                    sequence.addAll(member);
                } else {
                    sequence.add("(" + Gbnf.sequence(member) + ")?");
                }
            }
            sequence.add("\"}\"");
            alternatives.add(sequence);
        }
        if (!requiredSeen) {
            alternatives.addFirst(List.of("\"}\""));
        }
        if (alternatives.size() == 1) {
            List<String> only = new ArrayList<>(List.of("\"{\""));
            only.addAll(alternatives.getFirst());
            return Gbnf.sequence(only);
        }
        return "\"{\" " + Gbnf.group(alternatives.stream().map(Gbnf::sequence).toList());
    }

    /** Defines a rule, reusing an existing one with the same body, and returns its name. */
    private String define(String preferredName, String body) {
        String existing = nameByBody.get(body);
        if (existing != null) {
            return existing;
        }
        String name = preferredName;
        for (int suffix = 2; rules.containsKey(name); suffix++) {
            name = preferredName + "-" + suffix;
        }
        rules.put(name, body);
        nameByBody.put(body, name);
        return name;
    }

    private static String compact(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON value could not be written", e);
        }
    }

    private static Map<String, String> orderedRules(String... namesAndBodies) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            rules.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return rules;
    }
}
