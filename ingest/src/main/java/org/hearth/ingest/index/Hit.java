package org.hearth.ingest.index;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One search result.
 *
 * @param score            the ranking score: reciprocal rank fusion in hybrid search, BM25 otherwise
 * @param bm25Score        present when the keyword search found the chunk
 * @param vectorSimilarity present when the vector search found the chunk: the cosine similarity of
 *                         query and chunk, approximate (computed on quantised vectors)
 * @param termCoverage     the share (0 to 1) of the query's distinct words, after stemming and stop
 *                         words, that occur in the chunk; a scale-free sign of how well it matches
 */
public record Hit(StoredChunk chunk, double score, Snippet snippet, OptionalDouble bm25Score, OptionalDouble vectorSimilarity,
                  double termCoverage) {

    public String chunkId() {
        return chunk.chunkId();
    }

    public Path file() {
        return chunk.file();
    }

    public String fileName() {
        return chunk.fileName();
    }

    public OptionalInt page() {
        return chunk.page();
    }

    public Optional<ParagraphRange> paragraphs() {
        return chunk.paragraphs();
    }

    public String text() {
        return chunk.text();
    }
}
