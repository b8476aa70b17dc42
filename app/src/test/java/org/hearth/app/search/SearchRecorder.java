package org.hearth.app.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.ui.service.SearchService.Results;
import org.hearth.ui.service.SearchService.SearchJob;

/** What one search reported, in order ("found RANKING [files]"), with its two steps as futures. */
final class SearchRecorder implements SearchJob.Listener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Results> found = new CompletableFuture<>();
    final CompletableFuture<Results> refined = new CompletableFuture<>();

    @Override
    public void found(Results results) {
        events.add("found " + results.ranking() + " " + files(results));
        found.complete(results);
    }

    @Override
    public void refined(Results results) {
        events.add("refined " + results.ranking() + " " + files(results));
        refined.complete(results);
    }

    @Override
    public void failed(String message) {
        events.add("failed " + message);
        found.completeExceptionally(new AssertionError(message));
        refined.completeExceptionally(new AssertionError(message));
    }

    static List<String> files(Results results) {
        return results.hits().stream().map(hit -> hit.location().fileName()).toList();
    }
}
