package org.hearth.assistant.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A schema reduced to the subset Hearth supports. The grammar writer and the validator both
 * work on this form, so they cannot disagree about which keywords count.
 */
sealed interface SubsetSchema {

    /** Length in Unicode code points, as JSON Schema counts it. */
    record StringSchema(int minLength, OptionalInt maxLength) implements SubsetSchema {
    }

    /**
     * A YYYY-MM-DD string.
     *
     * @param calendarDate true for {@code "format": "date"} (a real date), false when only the
     *                     digit pattern was asked for (the grammar still writes real dates)
     */
    record DateSchema(boolean calendarDate) implements SubsetSchema {
    }

    /** Inclusive bounds; empty means the schema sets none. */
    record IntegerSchema(Optional<BigInteger> minimum, Optional<BigInteger> maximum) implements SubsetSchema {
    }

    record NumberSchema() implements SubsetSchema {
    }

    record BooleanSchema() implements SubsetSchema {
    }

    record NullSchema() implements SubsetSchema {
    }

    /** From {@code enum} or {@code const}: only scalar values, already filtered by the type. */
    record EnumSchema(List<JsonNode> values) implements SubsetSchema {
    }

    record ArraySchema(SubsetSchema items, int minItems, OptionalInt maxItems) implements SubsetSchema {
    }

    /** Properties in declaration order, which is also the order the grammar writes them in. */
    record ObjectSchema(List<Property> properties, boolean additionalProperties) implements SubsetSchema {
    }

    record Property(String name, SubsetSchema schema, boolean required) {
    }

    record Nullable(SubsetSchema value) implements SubsetSchema {
    }

    static boolean acceptsNull(SubsetSchema schema) {
        return switch (schema) {
            case NullSchema n -> true;
            case Nullable n -> true;
            case EnumSchema e -> e.values().stream().anyMatch(JsonNode::isNull);
            default -> false;
        };
    }

    static SubsetSchema nullable(SubsetSchema schema) {
        return acceptsNull(schema) ? schema : new Nullable(schema);
    }
}
