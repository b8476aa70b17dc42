package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.hearth.ui.service.SearchService;

/**
 * A search service the test drives. Collections live in memory; a search answers with the results the test
 * set; each indexing run and each question becomes a job the test makes report step by step on the fake's
 * own worker thread (as the real service reports from its threads), waiting until it has.
 */
final class FakeSearchService implements SearchService {

    record Query(String text, Optional<String> collection, int top) {
    }

    final class FakeIndexJob extends FakeJob<IndexJob.Listener> implements IndexJob {
        private final String collection;
        private final Optional<Path> folder;

        FakeIndexJob(String collection, Optional<Path> folder, Listener listener) {
            super(worker, listener, Listener::cancelled);
            this.collection = collection;
            this.folder = folder;
        }

        String collection() {
            return collection;
        }

        /** The folder added; empty for an update. */
        Optional<Path> folder() {
            return folder;
        }
    }

    final class FakeAnswerJob extends FakeJob<AnswerJob.Listener> implements AnswerJob {
        private final String question;
        private final Optional<String> collection;

        FakeAnswerJob(String question, Optional<String> collection, Listener listener) {
            super(worker, listener, Listener::cancelled);
            this.question = question;
            this.collection = collection;
        }

        String question() {
            return question;
        }

        Optional<String> collection() {
            return collection;
        }
    }

    private final FakeWorker worker = new FakeWorker("fake-search-worker");
    private final List<Collection> collections = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<FakeIndexJob> indexJobs = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Query> queries = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<FakeAnswerJob> questions = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Location> opened = new LinkedBlockingQueue<>();
    private volatile Results results = new Results(List.of(), true);

    /** Adds the collection, or replaces the one with its name (as indexing changes the counts). */
    synchronized void putCollection(Collection collection) {
        collections.removeIf(c -> c.name().equals(collection.name()));
        collections.add(collection);
    }

    /** What every search answers from now on. */
    void answerSearchesWith(Results next) {
        results = next;
    }

    @Override
    public List<Collection> collections() {
        return List.copyOf(collections);
    }

    @Override
    public IndexJob addFolder(String collection, Path folder, IndexJob.Listener listener) {
        FakeIndexJob job = new FakeIndexJob(collection, Optional.of(folder), listener);
        indexJobs.add(job);
        return job;
    }

    @Override
    public IndexJob update(String collection, IndexJob.Listener listener) {
        FakeIndexJob job = new FakeIndexJob(collection, Optional.empty(), listener);
        indexJobs.add(job);
        return job;
    }

    @Override
    public Results search(String query, Optional<String> collection, int top) {
        queries.add(new Query(query, collection, top));
        return results;
    }

    @Override
    public AnswerJob ask(String question, Optional<String> collection, AnswerJob.Listener listener) {
        FakeAnswerJob job = new FakeAnswerJob(question, collection, listener);
        questions.add(job);
        return job;
    }

    @Override
    public void open(Location location) {
        opened.add(location);
    }

    /** The next indexing run the UI started, waiting for it (the UI starts runs from its background thread). */
    FakeIndexJob nextIndexJob() {
        return FakeWorker.next(indexJobs, "no indexing was started");
    }

    Query nextQuery() {
        return FakeWorker.next(queries, "nothing was searched");
    }

    FakeAnswerJob nextQuestion() {
        return FakeWorker.next(questions, "nothing was asked");
    }

    Location nextOpened() {
        return FakeWorker.next(opened, "nothing was opened");
    }

    /** Waits until everything handed to the worker (such as a cancel's confirmation) has run. */
    void awaitWorker() {
        worker.await();
    }
}
