package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryService;

/**
 * A summary service the test drives: each call is recorded, and the test makes a job report on the
 * fake's own worker thread (as the real service reports from its threads) and waits until it has. Its kept
 * summaries are what a test hands in; deletions are recorded.
 */
final class FakeSummaryService implements SummaryService {

    record Call(Path file, SummaryOptions options, SummaryJob.Listener listener, FakeJob job) {
    }

    final class FakeJob implements SummaryJob {
        private final AtomicBoolean cancelRequested = new AtomicBoolean();
        private SummaryJob.Listener listener;
        private final List<OptionalInt> proceeded = new CopyOnWriteArrayList<>();
        private final AtomicBoolean sent = new AtomicBoolean();

        @Override
        public void cancel() {
            if (cancelRequested.compareAndSet(false, true)) {
                // The real service confirms a cancel from its own thread; so does the fake.
                worker.execute(() -> listener.cancelled());
            }
        }

        boolean cancelRequested() {
            return cancelRequested.get();
        }

        @Override
        public void proceed(OptionalInt firstPages) {
            proceeded.add(firstPages);
        }

        @Override
        public void send() {
            sent.set(true);
        }

        /** Whether the user sent a preview. */
        boolean sent() {
            return sent.get();
        }

        /** The user's choices after a long-job question, in order. */
        List<OptionalInt> proceeded() {
            return proceeded;
        }
    }

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-summary-worker").daemon().factory());
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<StoredSummary> stored = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Long> deleted = new LinkedBlockingQueue<>();

    FakeSummaryService(StoredSummary... kept) {
        stored.addAll(List.of(kept));
    }

    @Override
    public SummaryJob summarize(Path file, SummaryOptions options, SummaryJob.Listener listener) {
        FakeJob job = new FakeJob();
        job.listener = listener;
        calls.add(new Call(file, options, listener, job));
        return job;
    }

    @Override
    public List<StoredSummary> storedSummaries() {
        return List.copyOf(stored);
    }

    @Override
    public void deleteStoredSummary(long id) {
        deleted.add(id);
        stored.removeIf(s -> s.id() == id);
    }

    /** The id the view-model deleted next, waiting for its background call; fails if none comes. */
    long nextDeleted() {
        try {
            Long id = deleted.poll(10, TimeUnit.SECONDS);
            if (id == null) {
                throw new AssertionError("no kept summary was deleted");
            }
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public List<String> supportedExtensions() {
        return List.of("pdf", "docx", "txt");
    }

    List<Call> calls() {
        return calls;
    }

    Call call(int index) {
        return calls.get(index);
    }

    /** Reports on the worker thread, and returns once the listener has been called. */
    void report(int callIndex, Consumer<SummaryJob.Listener> events) {
        SummaryJob.Listener listener = calls.get(callIndex).listener();
        try {
            worker.submit(() -> events.accept(listener)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not report", e);
        }
    }

    /** Waits until everything handed to the worker (such as a cancel's confirmation) has run. */
    void awaitWorker() {
        try {
            worker.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker is stuck", e);
        }
    }
}
