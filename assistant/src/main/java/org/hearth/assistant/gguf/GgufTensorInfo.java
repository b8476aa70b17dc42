package org.hearth.assistant.gguf;

import java.util.List;

/** One tensor's description from the header: name, ggml shape, type name, and data size. */
public record GgufTensorInfo(String name, List<Long> shape, String typeName, long byteSize) {

    public GgufTensorInfo {
        shape = List.copyOf(shape);
    }

    public long elementCount() {
        return shape.stream().reduce(1L, Math::multiplyExact);
    }
}
