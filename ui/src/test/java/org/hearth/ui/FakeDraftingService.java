package org.hearth.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hearth.ui.service.DraftingService;

/**
 * A drafting service the test drives: the templates of a folder are what the test hands in, each draft is recorded
 * and reports on the fake's own worker thread when the test says so, and each save is recorded instead of written.
 */
final class FakeDraftingService implements DraftingService {

    record Call(Path template, List<Path> sources, DraftJob.Listener listener, AtomicBoolean cancelRequested,
                CountDownLatch sent) {

        /** Whether the window passed Send on, waiting for it (the window sends from its background thread). */
        boolean awaitSent() throws InterruptedException {
            return sent.await(10, TimeUnit.SECONDS);
        }
    }

    record Save(Path template, Map<String, String> values, Path out) {
    }

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-draft-worker").daemon().factory());
    private final Map<Path, List<Template>> folders;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Save> saves = new LinkedBlockingQueue<>();

    FakeDraftingService(Map<Path, List<Template>> folders) {
        this.folders = Map.copyOf(folders);
    }

    FakeDraftingService() {
        this(Map.of());
    }

    @Override
    public List<Template> templates(Path folder) throws IOException {
        List<Template> found = folders.get(folder);
        if (found == null) {
            throw new IOException(folder + " does not exist");
        }
        return found;
    }

    @Override
    public List<String> supportedSources() {
        return List.of("pdf", "docx", "txt");
    }

    @Override
    public DraftJob propose(Path template, List<Path> sources, DraftJob.Listener listener) {
        AtomicBoolean cancelRequested = new AtomicBoolean();
        CountDownLatch sent = new CountDownLatch(1);
        calls.add(new Call(template, List.copyOf(sources), listener, cancelRequested, sent));
        return new DraftJob() {
            @Override
            public void cancel() {
                if (cancelRequested.compareAndSet(false, true)) {
                    // the real service confirms a cancel from its own thread; so does the fake
                    worker.execute(listener::cancelled);
                }
            }

            @Override
            public void send() {
                sent.countDown();
            }
        };
    }

    @Override
    public void save(Path template, Map<String, String> values, Path out) {
        saves.add(new Save(template, Map.copyOf(values), out));
    }

    List<Call> calls() {
        return calls;
    }

    /** Reports on the worker thread, and returns once the listener has been called. */
    void report(int callIndex, Consumer<DraftJob.Listener> events) {
        DraftJob.Listener listener = calls.get(callIndex).listener();
        try {
            worker.submit(() -> events.accept(listener)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not report", e);
        }
    }

    void awaitWorker() {
        report(0, listener -> { });
    }

    /** Saves made and not yet taken by {@link #nextSave}. */
    int savesSoFar() {
        return saves.size();
    }

    /** The next save, waiting for it (saves run on the UI's background thread). */
    Save nextSave() throws InterruptedException {
        Save next = saves.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing was saved");
        }
        return next;
    }
}
