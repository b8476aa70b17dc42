package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hearth.ui.service.SearchService;

/**
 * A search service the test drives. Collections live in memory; a search answers with the results the test
 * set; each indexing run and each question becomes a job the test makes report step by step on the fake's
 * own worker thread (as the real service reports from its threads), waiting until it has.
 */
final class FakeSearchService implements SearchService {

    record Query(String text, Optional<String> collection, int top) {
    }

    final class FakeIndexJob implements IndexJob {
        private final String collection;
        private final Optional<Path> folder;
        private final Listener listener;
        private final AtomicBoolean cancelRequested = new AtomicBoolean();

        FakeIndexJob(String collection, Optional<Path> folder, Listener listener) {
            this.collection = collection;
            this.folder = folder;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            if (cancelRequested.compareAndSet(false, true)) {
                // The real service confirms a cancel from its own thread; so does the fake.
                worker.execute(listener::cancelled);
            }
        }

        String collection() {
            return collection;
        }

        /** The folder added; empty for an update. */
        Optional<Path> folder() {
            return folder;
        }

        boolean cancelRequested() {
            return cancelRequested.get();
        }

        /** Reports on the worker thread, and returns once the listener has been called. */
        void report(Consumer<Listener> events) {
            onWorker(() -> events.accept(listener));
        }
    }

    final class FakeAnswerJob implements AnswerJob {
        private final String question;
        private final Optional<String> collection;
        private final Listener listener;
        private final AtomicBoolean cancelRequested = new AtomicBoolean();

        FakeAnswerJob(String question, Optional<String> collection, Listener listener) {
            this.question = question;
            this.collection = collection;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            if (cancelRequested.compareAndSet(false, true)) {
                worker.execute(listener::cancelled);
            }
        }

        String question() {
            return question;
        }

        Optional<String> collection() {
            return collection;
        }

        boolean cancelRequested() {
            return cancelRequested.get();
        }

        void report(Consumer<Listener> events) {
            onWorker(() -> events.accept(listener));
        }
    }

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-search-worker").daemon().factory());
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
        return next(indexJobs, "no indexing was started");
    }

    Query nextQuery() {
        return next(queries, "nothing was searched");
    }

    FakeAnswerJob nextQuestion() {
        return next(questions, "nothing was asked");
    }

    Location nextOpened() {
        return next(opened, "nothing was opened");
    }

    /** Waits until everything handed to the worker (such as a cancel's confirmation) has run. */
    void awaitWorker() {
        onWorker(() -> { });
    }

    private void onWorker(Runnable work) {
        try {
            worker.submit(work).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not run", e);
        }
    }

    private static <T> T next(LinkedBlockingQueue<T> queue, String failure) {
        try {
            T next = queue.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError(failure);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure, e);
        }
    }
}
