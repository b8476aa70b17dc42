package org.hearth.ingest.index;

import java.io.IOException;
import java.util.Objects;

/**
 * The search index cannot be opened, or (read-only) not changed. Carries no cause: Lucene's messages name files of the index,
 * and nothing about them helps the user.
 */
public final class SearchIndexException extends IOException {

    public enum Kind { IN_USE, DAMAGED, READ_ONLY }

    private final Kind kind;

    private SearchIndexException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    static SearchIndexException inUse() {
        return new SearchIndexException(Kind.IN_USE, "The search index is in use by another Hearth — close it and try again");
    }

    static SearchIndexException readOnly() {
        return new SearchIndexException(Kind.READ_ONLY, "The search index is read-only (its folder cannot be written) — it can be searched, not changed");
    }

    static SearchIndexException readOnlyWithoutIndex() {
        return new SearchIndexException(Kind.READ_ONLY, "The search index folder is read-only and holds no index yet");
    }

    static SearchIndexException damaged() {
        return new SearchIndexException(Kind.DAMAGED, "The search index is damaged and has to be built again");
    }
}
