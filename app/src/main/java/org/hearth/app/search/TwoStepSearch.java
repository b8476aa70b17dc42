package org.hearth.app.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.ingest.index.SearchIndex;
import org.hearth.ingest.index.SearchRequest;
import org.hearth.ingest.index.SearchResponse;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;
import org.hearth.ui.service.SearchService.SearchJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search in two steps: the keyword hits at once (milliseconds), then, when the index can rank by meaning, the
 * hybrid ranking, which waits for the query's embedding (a second or two on a CPU). Refinements run one at a
 * time, and a newer search cancels the older one's, so typing fast never queues up stale embeddings.
 */
final class TwoStepSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwoStepSearch.class);

    private final ExecutorService refining = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("hearth-search-refine").factory());
    private final AtomicReference<AtomicBoolean> latest = new AtomicReference<>(new AtomicBoolean());

    /** Runs the keyword step on the caller's thread and reports it before returning; the refinement follows later. */
    SearchJob search(SearchIndex index, String query, Optional<String> collection, int top, SearchJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        latest.getAndSet(cancelled).set(true);
        SearchJob job = () -> cancelled.set(true);
        SearchRequest keywords = in(collection, new SearchRequest(Optional.empty(), top, SearchRequest.Mode.BM25));
        try {
            Results found = results(index.search(query, keywords), keywordsOnly(index));
            listener.found(found);
            if (found.ranking() == Ranking.KEYWORDS_REFINING) {
                refining.execute(() -> refine(index, query, keywords, listener, cancelled));
            }
        } catch (IOException e) {
            listener.failed("Hearth cannot search its index: " + e.getMessage());
        }
        return job;
    }

    private static void refine(SearchIndex index, String query, SearchRequest keywords, SearchJob.Listener listener,
                               AtomicBoolean cancelled) {
        if (cancelled.get()) {
            return;
        }
        try {
            SearchResponse response = index.search(query, new SearchRequest(keywords.collection(), keywords.top(), SearchRequest.Mode.HYBRID));
            if (cancelled.get()) {
                return;
            }
            Ranked now = keywordsOnly(index);
            // Keywords only although the index could rank by meaning a moment ago: the model failed on this query.
            listener.refined(results(response, response.hybrid() ? new Ranked(Ranking.HYBRID, 0)
                    : now.ranking() == Ranking.KEYWORDS_REFINING ? new Ranked(Ranking.KEYWORDS_MODEL_FAILED, 0) : now));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ranking a search by meaning failed ({})", e.getClass().getName());
            if (!cancelled.get()) {
                listener.failed("Hearth cannot search its index: " + e.getMessage());
            }
        }
    }

    private record Ranked(Ranking ranking, int filesWaiting) {
    }

    /** What keyword hits are now: refined later, or keywords only and why. */
    private static Ranked keywordsOnly(SearchIndex index) throws IOException {
        if (!index.hasEmbedder()) {
            return new Ranked(Ranking.KEYWORDS_NO_MODEL, 0);
        }
        int waiting = index.filesAwaitingVectors();
        return waiting > 0 ? new Ranked(Ranking.KEYWORDS_INDEXING, waiting) : new Ranked(Ranking.KEYWORDS_REFINING, 0);
    }

    private static Results results(SearchResponse response, Ranked ranking) {
        List<Hit> hits = response.hits().stream().map(ServiceHits::of).toList();
        return new Results(hits, ranking.ranking(), ranking.filesWaiting());
    }

    private static SearchRequest in(Optional<String> collection, SearchRequest request) {
        return collection.map(request::in).orElse(request);
    }

    @Override
    public void close() {
        refining.shutdownNow();
    }
}
