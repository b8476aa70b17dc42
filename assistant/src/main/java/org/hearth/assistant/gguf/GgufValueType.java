package org.hearth.assistant.gguf;

import java.util.Optional;

/** Metadata value types as GGUF numbers them. */
public enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1),
    STRING(-1), ARRAY(-1), UINT64(8), INT64(8), FLOAT64(8);

    private final int fixedSize;

    GgufValueType(int fixedSize) {
        this.fixedSize = fixedSize;
    }

    /** The id is the ordinal: GGUF numbers these types 0 to 12 in this order. */
    static Optional<GgufValueType> byId(int id) {
        return id >= 0 && id < values().length ? Optional.of(values()[id]) : Optional.empty();
    }

    /** Bytes per value, or -1 for strings and arrays, whose size is in the file. */
    int fixedSize() {
        return fixedSize;
    }
}
