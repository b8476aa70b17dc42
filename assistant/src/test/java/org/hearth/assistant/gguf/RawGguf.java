package org.hearth.assistant.gguf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-assembled GGUF bytes for headers no honest writer produces. */
final class RawGguf {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static RawGguf header(long tensors, long keys) {
        return new RawGguf().bytes("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(tensors).u64(keys);
    }

    RawGguf u32(int value) {
        return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    RawGguf u64(long value) {
        return bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    RawGguf string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return u64(utf8.length).bytes(utf8);
    }

    /** A string-valued metadata entry. */
    RawGguf stringEntry(String key, String value) {
        return string(key).u32(8).string(value);
    }

    RawGguf bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
