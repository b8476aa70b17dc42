package org.hearth.ingest.index;

import java.util.List;
import java.util.Optional;

/**
 * What a search found and how.
 *
 * <p>To tell "nothing relevant" from a weak best hit, use {@link #bestTermCoverage()}: BM25 scores
 * depend on the size and make-up of the index and cannot be compared with a fixed threshold, while
 * the share of the query's words a chunk contains can. A reasonable rule for refusing to answer:
 * no hit covers at least half of the query's words, and (in hybrid search) no hit has a vector
 * similarity above what the embedding model gives unrelated text. {@link #topBm25Score()} is there
 * for comparisons within one index.
 *
 * @param hybrid         whether vectors were used; false means keywords (BM25) only
 * @param bm25OnlyReason why hybrid search was asked for but keywords only were used, in words for people
 * @param topBm25Score   the best BM25 score among the candidates, 0 when no chunk contains a query word
 */
public record SearchResponse(List<Hit> hits, boolean hybrid, Optional<String> bm25OnlyReason, double topBm25Score) {

    public SearchResponse {
        hits = List.copyOf(hits);
    }

    public double bestTermCoverage() {
        return hits.stream().mapToDouble(Hit::termCoverage).max().orElse(0);
    }
}
