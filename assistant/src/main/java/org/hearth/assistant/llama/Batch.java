package org.hearth.assistant.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Tokens to decode in one call: each with its position, its sequence and whether its logits are
 * wanted. The native arrays are allocated once per batch and reused. Not thread-safe.
 */
public final class Batch implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final int capacity;
    private final MemorySegment tokens;
    private final MemorySegment positions;
    private final MemorySegment seqIdCounts;
    private final MemorySegment seqIdPointers;
    private final MemorySegment seqIds;
    private final MemorySegment outputs;
    private final MemorySegment struct;
    private int size;
    private boolean closed;

    public Batch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be positive");
        }
        this.capacity = capacity;
        tokens = arena.allocate(JAVA_INT, capacity);
        positions = arena.allocate(JAVA_INT, capacity);
        seqIdCounts = arena.allocate(JAVA_INT, capacity);
        seqIds = arena.allocate(JAVA_INT, capacity);
        seqIdPointers = arena.allocate(ADDRESS, capacity);
        outputs = arena.allocate(JAVA_BYTE, capacity);
        for (int i = 0; i < capacity; i++) {
            seqIdCounts.setAtIndex(JAVA_INT, i, 1);
            seqIdPointers.setAtIndex(ADDRESS, i, seqIds.asSlice((long) i * Integer.BYTES, Integer.BYTES));
        }
        struct = arena.allocate(Structs.BATCH);
        Structs.setAddress(struct, Structs.BATCH, "token", tokens);
        Structs.setAddress(struct, Structs.BATCH, "embd", MemorySegment.NULL);
        Structs.setAddress(struct, Structs.BATCH, "pos", positions);
        Structs.setAddress(struct, Structs.BATCH, "n_seq_id", seqIdCounts);
        Structs.setAddress(struct, Structs.BATCH, "seq_id", seqIdPointers);
        Structs.setAddress(struct, Structs.BATCH, "logits", outputs);
    }

    /**
     * Appends a token.
     *
     * @param wantOutput compute logits (or the embedding) for this token
     * @return the token's index in this batch, the index to sample from
     */
    public int add(int token, int position, int sequence, boolean wantOutput) {
        ensureOpen();
        if (size == capacity) {
            throw new IllegalStateException("The batch is full (" + capacity + " tokens)");
        }
        tokens.setAtIndex(JAVA_INT, size, token);
        positions.setAtIndex(JAVA_INT, size, position);
        seqIds.setAtIndex(JAVA_INT, size, sequence);
        outputs.setAtIndex(JAVA_BYTE, size, (byte) (wantOutput ? 1 : 0));
        return size++;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    MemorySegment struct() {
        ensureOpen();
        Structs.setInt(struct, Structs.BATCH, "n_tokens", size);
        return struct;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This batch is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }
}
