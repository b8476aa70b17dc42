package org.hearth.assistant.grammar;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.hearth.assistant.grammar.SubsetSchema.ArraySchema;
import org.hearth.assistant.grammar.SubsetSchema.BooleanSchema;
import org.hearth.assistant.grammar.SubsetSchema.DateSchema;
import org.hearth.assistant.grammar.SubsetSchema.EnumSchema;
import org.hearth.assistant.grammar.SubsetSchema.IntegerSchema;
import org.hearth.assistant.grammar.SubsetSchema.NullSchema;
import org.hearth.assistant.grammar.SubsetSchema.NumberSchema;
import org.hearth.assistant.grammar.SubsetSchema.ObjectSchema;
import org.hearth.assistant.grammar.SubsetSchema.Property;
import org.hearth.assistant.grammar.SubsetSchema.StringSchema;

/**
 * Reads a JSON schema into {@link SubsetSchema}. Works from a whitelist: every keyword of a
 * schema object must either be understood or be a pure annotation, otherwise the schema is
 * rejected, because an ignored constraint would make the grammar looser than the schema.
 */
final class SchemaReader {

    /** Keywords that constrain nothing (or, for $defs, only matter when referenced). */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default",
            "$schema", "$id", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");

    /** Every keyword some schema form understands; anything else is rejected before reading. */
    private static final Set<String> UNDERSTOOD = Set.of("$ref", "anyOf", "oneOf", "enum", "const", "type", "minLength",
            "maxLength", "format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "items", "minItems",
            "maxItems", "properties", "required", "additionalProperties");

    /** Spellings of the one pattern Hearth accepts: a date's digit layout. */
    private static final Set<String> DATE_PATTERNS = Set.of("^\\d{4}-\\d{2}-\\d{2}$", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private static final int DATE_LENGTH = 10;

    static final BigInteger LARGEST_INTEGER = BigInteger.TEN.pow(GrammarLimits.MAX_INTEGER_DIGITS).subtract(BigInteger.ONE);

    private final JsonNode document;
    private final Map<String, SubsetSchema> resolvedRefs = new HashMap<>();
    private final Set<String> refsInProgress = new LinkedHashSet<>();

    private SchemaReader(JsonNode document) {
        this.document = document;
    }

    static SubsetSchema read(JsonNode document) {
        return new SchemaReader(document).read(document, "");
    }

    private SubsetSchema read(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw new UnsupportedSchemaException(pointer, "", "a schema must be a JSON object, not " + node.getNodeType());
        }
        Keywords keywords = new Keywords(node, pointer);
        keywords.rejectUnknown();
        SubsetSchema schema = readKeywords(keywords);
        keywords.rejectUnread();
        return schema;
    }

    private SubsetSchema readKeywords(Keywords keywords) {
        if (keywords.has("$ref")) {
            return readRef(keywords);
        }
        if (keywords.has("anyOf")) {
            return readNullableUnion(keywords, "anyOf");
        }
        if (keywords.has("oneOf")) {
            return readNullableUnion(keywords, "oneOf");
        }
        if (keywords.has("enum") || keywords.has("const")) {
            return readEnum(keywords);
        }
        return readTyped(keywords);
    }

    private SubsetSchema readRef(Keywords keywords) {
        JsonNode ref = keywords.take("$ref");
        if (!ref.isTextual() || !ref.asText().startsWith("#")) {
            throw keywords.unsupported("$ref", "only local references such as \"#/$defs/name\" are supported, got " + ref);
        }
        String target = fragment(keywords, ref.asText());
        if (refsInProgress.contains(target)) {
            throw keywords.unsupported("$ref", "recursive reference to '" + target + "' would allow unbounded nesting");
        }
        SubsetSchema resolved = resolvedRefs.get(target);
        if (resolved == null) {
            JsonNode node = document.at(JsonPointer.compile(target));
            if (node.isMissingNode()) {
                throw keywords.unsupported("$ref", "nothing found at '" + target + "'");
            }
            refsInProgress.add(target);
            resolved = read(node, target);
            refsInProgress.remove(target);
            resolvedRefs.put(target, resolved);
        }
        return resolved;
    }

    private static String fragment(Keywords keywords, String ref) {
        try {
            String fragment = URI.create(ref).getFragment();
            JsonPointer.compile(fragment);
            return fragment;
        } catch (IllegalArgumentException e) {
            throw keywords.unsupported("$ref", "'" + ref + "' is not a JSON pointer fragment");
        }
    }

    /** anyOf / oneOf are only supported as "this schema or null". */
    private SubsetSchema readNullableUnion(Keywords keywords, String keyword) {
        JsonNode branches = keywords.take(keyword);
        if (!branches.isArray() || branches.isEmpty() || branches.size() > 2) {
            throw keywords.unsupported(keyword, "only one schema, or one schema and {\"type\": \"null\"}, is supported");
        }
        List<SubsetSchema> read = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            read.add(read(branches.get(i), JsonPointers.child(JsonPointers.child(keywords.pointer, keyword), i)));
        }
        if (read.size() == 1) {
            return read.getFirst();
        }
        int nullBranch = read.indexOf(new NullSchema());
        if (nullBranch < 0) {
            throw keywords.unsupported(keyword, "alternatives other than null are not supported");
        }
        SubsetSchema value = read.get(1 - nullBranch);
        if (keyword.equals("oneOf") && SubsetSchema.acceptsNull(value)) {
            throw keywords.unsupported(keyword, "both branches accept null, so null would match neither under oneOf");
        }
        return SubsetSchema.nullable(value);
    }

    private SubsetSchema readEnum(Keywords keywords) {
        List<JsonNode> candidates = new ArrayList<>();
        JsonNode constant = keywords.take("const");
        JsonNode enumeration = keywords.take("enum");
        if (enumeration != null && (!enumeration.isArray() || enumeration.isEmpty())) {
            throw keywords.unsupported("enum", "must be a non-empty array");
        }
        if (constant != null) {
            candidates.add(constant);
        } else {
            enumeration.forEach(candidates::add);
        }
        String keyword = constant != null ? "const" : "enum";
        for (JsonNode candidate : candidates) {
            if (candidate.isContainerNode()) {
                throw keywords.unsupported(keyword, "only strings, numbers, booleans and null are supported as values, got " + candidate);
            }
        }
        if (constant != null && enumeration != null) {
            candidates.removeIf(value -> !JsonSchemaValidator.containsValue(enumeration, value));
        }
        if (keywords.has("type")) {
            SubsetSchema type = readTyped(keywords);
            candidates.removeIf(value -> !JsonSchemaValidator.violations(type, value).isEmpty());
        }
        if (candidates.isEmpty()) {
            throw keywords.unsupported(keyword, "no value satisfies the rest of the schema");
        }
        return new EnumSchema(List.copyOf(candidates));
    }

    private SubsetSchema readTyped(Keywords keywords) {
        JsonNode type = keywords.take("type");
        if (type == null) {
            throw keywords.unsupported("type", "missing; a schema needs type, enum, const, $ref or a nullable anyOf");
        }
        if (type.isTextual()) {
            return readType(keywords, type.asText());
        }
        if (!type.isArray()) {
            throw keywords.unsupported("type", "must be a string or an array of strings");
        }
        Set<String> names = new LinkedHashSet<>();
        type.forEach(name -> names.add(name.asText()));
        boolean nullable = names.remove("null");
        if (names.size() > 1) {
            throw keywords.unsupported("type", "only one type, optionally with \"null\", is supported, got " + type);
        }
        if (names.isEmpty()) {
            return nullable ? new NullSchema() : readType(keywords, "");
        }
        SubsetSchema value = readType(keywords, names.iterator().next());
        return nullable ? SubsetSchema.nullable(value) : value;
    }

    private SubsetSchema readType(Keywords keywords, String type) {
        return switch (type) {
            case "string" -> readString(keywords);
            case "integer" -> readInteger(keywords);
            case "number" -> new NumberSchema();
            case "boolean" -> new BooleanSchema();
            case "null" -> new NullSchema();
            case "array" -> readArray(keywords);
            case "object" -> readObject(keywords);
            default -> throw keywords.unsupported("type", "unknown type '" + type + "'");
        };
    }

    private SubsetSchema readString(Keywords keywords) {
        int minLength = keywords.repeatableMinimum("minLength");
        OptionalInt maxLength = keywords.count("maxLength");
        if (maxLength.isPresent() && minLength > maxLength.getAsInt()) {
            throw keywords.unsupported("minLength", "exceeds maxLength");
        }
        JsonNode format = keywords.take("format");
        JsonNode pattern = keywords.take("pattern");
        if (format != null && !format.asText().equals("date")) {
            throw keywords.unsupported("format", "only \"date\" is supported, got " + format);
        }
        if (pattern != null && !DATE_PATTERNS.contains(pattern.asText())) {
            throw keywords.unsupported("pattern", "only the date pattern ^\\d{4}-\\d{2}-\\d{2}$ is supported, got " + pattern);
        }
        if (format == null && pattern == null) {
            return new StringSchema(minLength, maxLength);
        }
        if (minLength > DATE_LENGTH || maxLength.orElse(DATE_LENGTH) < DATE_LENGTH) {
            throw keywords.unsupported(minLength > DATE_LENGTH ? "minLength" : "maxLength", "contradicts a 10-character date");
        }
        return new DateSchema(format != null);
    }

    private SubsetSchema readInteger(Keywords keywords) {
        Optional<BigInteger> minimum = keywords.number("minimum").map(m -> m.setScale(0, RoundingMode.CEILING).toBigIntegerExact());
        Optional<BigInteger> maximum = keywords.number("maximum").map(m -> m.setScale(0, RoundingMode.FLOOR).toBigIntegerExact());
        Optional<BigInteger> exclusiveMinimum = keywords.number("exclusiveMinimum")
                .map(m -> m.setScale(0, RoundingMode.FLOOR).toBigIntegerExact().add(BigInteger.ONE));
        Optional<BigInteger> exclusiveMaximum = keywords.number("exclusiveMaximum")
                .map(m -> m.setScale(0, RoundingMode.CEILING).toBigIntegerExact().subtract(BigInteger.ONE));
        Optional<BigInteger> lower = tighter(minimum, exclusiveMinimum, BigInteger::max);
        Optional<BigInteger> upper = tighter(maximum, exclusiveMaximum, BigInteger::min);
        String lowerKeyword = minimum.isPresent() ? "minimum" : "exclusiveMinimum";
        String upperKeyword = maximum.isPresent() ? "maximum" : "exclusiveMaximum";
        if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) > 0) {
            throw keywords.unsupported(lowerKeyword, "no integer lies between the lower and upper bound");
        }
        if (lower.isPresent() && lower.get().compareTo(LARGEST_INTEGER) > 0) {
            throw keywords.unsupported(lowerKeyword, "integers are limited to " + GrammarLimits.MAX_INTEGER_DIGITS + " digits");
        }
        if (upper.isPresent() && upper.get().compareTo(LARGEST_INTEGER.negate()) < 0) {
            throw keywords.unsupported(upperKeyword, "integers are limited to " + GrammarLimits.MAX_INTEGER_DIGITS + " digits");
        }
        return new IntegerSchema(lower, upper);
    }

    private static Optional<BigInteger> tighter(Optional<BigInteger> a, Optional<BigInteger> b,
            BinaryOperator<BigInteger> pick) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(pick.apply(a.get(), b.get()));
        }
        return a.isPresent() ? a : b;
    }

    private SubsetSchema readArray(Keywords keywords) {
        JsonNode items = keywords.take("items");
        if (items == null || !items.isObject()) {
            throw keywords.unsupported("items", "an array needs one items schema (tuples and untyped items are not supported)");
        }
        SubsetSchema itemSchema = read(items, JsonPointers.child(keywords.pointer, "items"));
        int minItems = keywords.repeatableMinimum("minItems");
        OptionalInt maxItems = keywords.count("maxItems");
        if (maxItems.isPresent() && minItems > maxItems.getAsInt()) {
            throw keywords.unsupported("minItems", "exceeds maxItems");
        }
        return new ArraySchema(itemSchema, minItems, maxItems);
    }

    private SubsetSchema readObject(Keywords keywords) {
        JsonNode additional = keywords.take("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            throw keywords.unsupported("additionalProperties", "only true or false is supported");
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode requiredNode = keywords.take("required");
        if (requiredNode != null) {
            if (!requiredNode.isArray()) {
                throw keywords.unsupported("required", "must be an array of property names");
            }
            requiredNode.forEach(name -> required.add(name.asText()));
        }
        JsonNode properties = keywords.take("properties");
        if (properties != null && !properties.isObject()) {
            throw keywords.unsupported("properties", "must be an object");
        }
        List<Property> read = new ArrayList<>();
        if (properties != null) {
            String propertiesPointer = JsonPointers.child(keywords.pointer, "properties");
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                SubsetSchema schema = read(entry.getValue(), JsonPointers.child(propertiesPointer, entry.getKey()));
                read.add(new Property(entry.getKey(), schema, required.remove(entry.getKey())));
            }
        }
        if (!required.isEmpty()) {
            throw keywords.unsupported("required", "names properties that are not declared: " + required);
        }
        return new ObjectSchema(List.copyOf(read), additional == null || additional.asBoolean());
    }

    /** The keywords of one schema object, remembering which ones were understood. */
    private static final class Keywords {

        private final JsonNode node;
        private final String pointer;
        private final Set<String> read = new HashSet<>();

        Keywords(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        boolean has(String keyword) {
            return node.has(keyword);
        }

        JsonNode take(String keyword) {
            read.add(keyword);
            return node.get(keyword);
        }

        /** A non-negative count; counts beyond an int cannot matter for strings or arrays Hearth sees. */
        OptionalInt count(String keyword) {
            JsonNode value = take(keyword);
            if (value == null) {
                return OptionalInt.empty();
            }
            if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0) {
                throw unsupported(keyword, "must be a non-negative integer, got " + value);
            }
            return OptionalInt.of(value.bigIntegerValue().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
        }

        /** A lower bound the grammar must repeat; llama.cpp cannot repeat beyond {@link GrammarLimits#MAX_REPETITION}. */
        int repeatableMinimum(String keyword) {
            int minimum = count(keyword).orElse(0);
            if (minimum > GrammarLimits.MAX_REPETITION) {
                throw unsupported(keyword, "above " + GrammarLimits.MAX_REPETITION + ", which a llama.cpp grammar cannot repeat");
            }
            return minimum;
        }

        Optional<BigDecimal> number(String keyword) {
            JsonNode value = take(keyword);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isNumber()) {
                throw unsupported(keyword, "must be a number, got " + value);
            }
            return Optional.of(value.decimalValue());
        }

        /** Fails on the first keyword no form understands, so that it is named rather than a missing "type". */
        void rejectUnknown() {
            for (Map.Entry<String, JsonNode> keyword : node.properties()) {
                if (!UNDERSTOOD.contains(keyword.getKey()) && !ANNOTATIONS.contains(keyword.getKey())) {
                    throw unsupported(keyword.getKey(), "is not supported");
                }
            }
        }

        /** Fails on a keyword that this schema's form does not use, e.g. maxLength on an integer. */
        void rejectUnread() {
            for (Map.Entry<String, JsonNode> keyword : node.properties()) {
                String name = keyword.getKey();
                if (!read.contains(name) && !ANNOTATIONS.contains(name)) {
                    throw unsupported(name, "does not apply to this schema");
                }
            }
        }

        UnsupportedSchemaException unsupported(String keyword, String reason) {
            return new UnsupportedSchemaException(pointer, keyword, reason);
        }
    }
}
