package org.hearth.assistant.gguf;

import java.util.List;

/**
 * A metadata array. Long arrays (a vocabulary has ~250,000 tokens) are described by type and length
 * only; their {@code values} are empty, since nothing outside the runtime needs them.
 */
public record GgufArray(GgufValueType elementType, long length, List<Object> values) {

    public GgufArray {
        values = List.copyOf(values);
    }

    public boolean valuesKept() {
        return values.size() == length;
    }
}
