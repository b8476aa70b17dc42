package org.hearth.assistant.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Little-endian reads through a small window of a file, refusing any length the file cannot hold
 * before allocating for it. Running past the end is reported as truncation.
 */
final class GgufInput {

    private static final int WINDOW_BYTES = 1 << 16;

    private final FileChannel channel;
    private final Path file;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** File position of the window's first byte. */
    private long windowStart;
    private String section = "header";

    GgufInput(FileChannel channel, Path file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.size = channel.size();
        window.limit(0);
    }

    long size() {
        return size;
    }

    long position() {
        return windowStart + window.position();
    }

    /** Names the part being read, for the truncation message. */
    void section(String name) {
        this.section = name;
    }

    byte u8() throws IOException, GgufException {
        require(1);
        return window.get();
    }

    short u16() throws IOException, GgufException {
        require(2);
        return window.getShort();
    }

    int u32() throws IOException, GgufException {
        require(4);
        return window.getInt();
    }

    long u64() throws IOException, GgufException {
        require(8);
        return window.getLong();
    }

    /** A GGUF string: u64 byte length then UTF-8 bytes; longer than {@code maxBytes} is corrupt. */
    String string(long maxBytes, String what) throws IOException, GgufException {
        long length = u64();
        if (length < 0 || length > maxBytes) {
            throw GgufErrors.corrupt(file, what + " declares a length of " + Long.toUnsignedString(length)
                    + " bytes, more than the " + maxBytes + " allowed");
        }
        byte[] bytes = new byte[(int) requireAvailable(length)];
        int copied = 0;
        while (copied < bytes.length) {
            if (!window.hasRemaining()) {
                refill();
            }
            int chunk = Math.min(window.remaining(), bytes.length - copied);
            window.get(bytes, copied, chunk);
            copied += chunk;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Skips a string's bytes without keeping them; same limits as {@link #string}. */
    void skipString(long maxBytes, String what) throws IOException, GgufException {
        long length = u64();
        if (length < 0 || length > maxBytes) {
            throw GgufErrors.corrupt(file, what + " declares a length of " + Long.toUnsignedString(length)
                    + " bytes, more than the " + maxBytes + " allowed");
        }
        skip(length);
    }

    void skip(long bytes) throws IOException, GgufException {
        requireAvailable(bytes);
        seek(position() + bytes);
    }

    void seek(long target) {
        if (target >= windowStart && target <= windowStart + window.limit()) {
            window.position((int) (target - windowStart));
        } else {
            windowStart = target;
            window.limit(0);
        }
    }

    /** Fails as truncated unless {@code bytes} more bytes exist, before anything is allocated. */
    long requireAvailable(long bytes) throws GgufException {
        if (bytes > size - position()) {
            throw GgufErrors.truncated(file, size, section);
        }
        return bytes;
    }

    private void require(int bytes) throws IOException, GgufException {
        if (window.remaining() < bytes) {
            requireAvailable(bytes);
            refill();
        }
    }

    private void refill() throws IOException {
        long position = position();
        window.compact();
        windowStart = position;
        while (window.hasRemaining()) {
            if (channel.read(window, windowStart + window.position()) <= 0) {
                break;
            }
        }
        window.flip();
    }
}
