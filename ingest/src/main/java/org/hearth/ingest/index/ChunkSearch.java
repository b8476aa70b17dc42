package org.hearth.ingest.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Ranking: BM25 over the text fields, and with a query vector also the nearest chunks in the HNSW
 * graph, fused by reciprocal rank fusion (each list adds 1/(60 + rank)). Rank fusion needs no
 * calibration between BM25 scores and cosine similarities, which live on unrelated scales.
 */
final class ChunkSearch {

    /** The usual constant: it keeps the first few ranks of one list from drowning the other list. */
    static final int RRF_K = 60;
    /** How deep each list is read before fusing. */
    static final int CANDIDATES = 50;

    /** A Lucene document in fused order, with what each list said about it. */
    record Candidate(int doc, double score, OptionalDouble bm25Score, OptionalDouble vectorSimilarity) {
    }

    private ChunkSearch() {
    }

    /**
     * @param queryVector a unit vector, or null for BM25 alone
     * @param filter      restricts both lists (e.g. to a collection), or null
     */
    static List<Candidate> rank(IndexSearcher searcher, QueryTerms terms, float[] queryVector, Query filter, int depth)
            throws IOException {
        ScoreDoc[] lexical = terms.isEmpty() ? new ScoreDoc[0] : searcher.search(filtered(terms.query(), filter), depth).scoreDocs;
        if (queryVector == null) {
            List<Candidate> candidates = new ArrayList<>(lexical.length);
            for (ScoreDoc hit : lexical) {
                candidates.add(new Candidate(hit.doc, hit.score, OptionalDouble.of(hit.score), OptionalDouble.empty()));
            }
            return candidates;
        }
        Query nearest = new KnnFloatVectorQuery(IndexSchema.vectorField(queryVector.length), queryVector, depth, filter);
        ScoreDoc[] semantic = searcher.search(nearest, depth).scoreDocs;
        return fuse(lexical, semantic);
    }

    /** The first {@code top} candidates as hits, with snippets. */
    static List<Hit> hits(IndexSearcher searcher, List<Candidate> ranked, QueryTerms terms, int top) throws IOException {
        List<Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        // identical files (a copy in another folder or collection) have identical chunks: show them once
        Set<String> seen = new HashSet<>();
        for (Candidate candidate : ranked) {
            if (hits.size() == top) {
                break;
            }
            StoredChunk chunk = IndexSchema.readChunk(stored.document(candidate.doc()));
            if (!seen.add(chunk.chunkId())) {
                continue;
            }
            Snippets.Matches matches = Snippets.matches(chunk.text(), chunk.language(), terms.in(chunk.language()));
            hits.add(new Hit(chunk, candidate.score(), Snippets.snippet(chunk.text(), matches.spans()),
                    candidate.bm25Score(), candidate.vectorSimilarity(), matches.coverage()));
        }
        return hits;
    }

    private static List<Candidate> fuse(ScoreDoc[] lexical, ScoreDoc[] semantic) {
        Map<Integer, double[]> fused = new LinkedHashMap<>();
        for (int rank = 0; rank < lexical.length; rank++) {
            double[] entry = fused.computeIfAbsent(lexical[rank].doc, doc -> new double[] {0, Double.NaN, Double.NaN});
            entry[0] += 1.0 / (RRF_K + rank + 1);
            entry[1] = lexical[rank].score;
        }
        for (int rank = 0; rank < semantic.length; rank++) {
            double[] entry = fused.computeIfAbsent(semantic[rank].doc, doc -> new double[] {0, Double.NaN, Double.NaN});
            entry[0] += 1.0 / (RRF_K + rank + 1);
            // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
            entry[2] = 2.0 * semantic[rank].score - 1;
        }
        List<Candidate> candidates = new ArrayList<>(fused.size());
        fused.forEach((doc, entry) -> candidates.add(new Candidate(doc, entry[0], present(entry[1]), present(entry[2]))));
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::doc));
        return candidates;
    }

    private static OptionalDouble present(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }
}
