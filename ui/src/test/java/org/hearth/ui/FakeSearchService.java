package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.hearth.ui.service.SearchService;

/**
 * A search service the test drives. Collections live in memory; a search finds the results the test set at once
 * (as the real service reports its keyword hits) and the test may refine it later; each indexing run, each
 * question and each install of the search model becomes a job the test makes report step by step on the fake's
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
        private final java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);

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

        @Override
        public void send() {
            sent.countDown();
        }

        /** Whether the window passed Send on, waiting for it (the window sends from its background thread). */
        boolean awaitSent() throws InterruptedException {
            return sent.await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    final class FakeSearchJob extends FakeJob<SearchJob.Listener> implements SearchJob {
        private final Query query;

        FakeSearchJob(Query query, Listener listener) {
            super(worker, listener, ignored -> { });
            this.query = query;
        }

        Query query() {
            return query;
        }
    }

    final class FakeInstallJob extends FakeJob<InstallJob.Listener> implements InstallJob {
        FakeInstallJob(Listener listener) {
            super(worker, listener, Listener::cancelled);
        }
    }

    /** The size the fake says the search model's download has: 609.4 MiB. */
    static final long SEARCH_MODEL_BYTES = 639_000_000L;

    private final FakeWorker worker = new FakeWorker("fake-search-worker");
    private final List<Collection> collections = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<FakeIndexJob> indexJobs = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<FakeSearchJob> searches = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<FakeInstallJob> installs = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<FakeAnswerJob> questions = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Location> opened = new LinkedBlockingQueue<>();
    private volatile Results results = new Results(List.of(), Ranking.HYBRID);

    /** Adds the collection, or replaces the one with its name (as indexing changes the counts). */
    synchronized void putCollection(Collection collection) {
        collections.removeIf(c -> c.name().equals(collection.name()));
        collections.add(collection);
    }

    /** What every search finds at once from now on. */
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
    public SearchJob search(String query, Optional<String> collection, int top, SearchJob.Listener listener) {
        FakeSearchJob job = new FakeSearchJob(new Query(query, collection, top), listener);
        listener.found(results);
        searches.add(job);
        return job;
    }

    @Override
    public long searchModelBytes() {
        return SEARCH_MODEL_BYTES;
    }

    @Override
    public InstallJob installSearchModel(InstallJob.Listener listener) {
        FakeInstallJob job = new FakeInstallJob(listener);
        installs.add(job);
        return job;
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
        return nextSearch().query();
    }

    /** The next search, which the test may refine. */
    FakeSearchJob nextSearch() {
        return FakeWorker.next(searches, "nothing was searched");
    }

    FakeInstallJob nextInstall() {
        return FakeWorker.next(installs, "the search model was not installed");
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
