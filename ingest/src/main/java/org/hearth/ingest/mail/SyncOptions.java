package org.hearth.ingest.mail;

import java.time.LocalDate;
import java.util.Optional;

/**
 * @param limit        at most this many messages per sync (the oldest new ones first, so the cursor stays gap-free); 0 = no limit
 * @param since        only messages the server received on or after this day
 * @param maxBodyBytes text read per message; the rest is cut off and the message marked truncated
 * @param batchSize    messages per FETCH of envelope, UID, size, flags and structure
 */
public record SyncOptions(int limit, Optional<LocalDate> since, int maxBodyBytes, int batchSize) {

    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final SyncOptions DEFAULTS = new SyncOptions(0, Optional.empty(), DEFAULT_MAX_BODY_BYTES, 50);

    public SyncOptions {
        if (limit < 0 || maxBodyBytes < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limit >= 0, maxBodyBytes >= 1, batchSize >= 1");
        }
        since = since == null ? Optional.empty() : since;
    }

    public SyncOptions withLimit(int newLimit) {
        return new SyncOptions(newLimit, since, maxBodyBytes, batchSize);
    }

    public SyncOptions withSince(LocalDate day) {
        return new SyncOptions(limit, Optional.of(day), maxBodyBytes, batchSize);
    }

    public SyncOptions withMaxBodyBytes(int bytes) {
        return new SyncOptions(limit, since, bytes, batchSize);
    }

    public SyncOptions withBatchSize(int size) {
        return new SyncOptions(limit, since, maxBodyBytes, size);
    }
}
