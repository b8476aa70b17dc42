package org.hearth.ingest.index;

import java.util.Optional;

/**
 * @param collection only this collection, or all
 * @param top        how many hits at most
 * @param mode       keywords only, or keywords and vectors fused (falls back to keywords where no vectors can be used)
 */
public record SearchRequest(Optional<String> collection, int top, Mode mode) {

    public enum Mode { BM25, HYBRID }

    public static final int MAX_TOP = 200;

    public SearchRequest {
        collection = collection == null ? Optional.empty() : collection;
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("top must be between 1 and " + MAX_TOP + ": " + top);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }

    public static SearchRequest hybrid(int top) {
        return new SearchRequest(Optional.empty(), top, Mode.HYBRID);
    }

    public static SearchRequest bm25(int top) {
        return new SearchRequest(Optional.empty(), top, Mode.BM25);
    }

    public SearchRequest in(String collection) {
        return new SearchRequest(Optional.of(collection), top, mode);
    }
}
