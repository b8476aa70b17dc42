package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hearth.ui.service.ModelService;

/** A model service whose state the test sets (announced from the fake's own thread) and whose calls it counts. */
final class FakeModelService implements ModelService {

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-model-worker").daemon().factory());
    private final List<Consumer<ModelState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ModelState state;
    final AtomicInteger downloads = new AtomicInteger();
    final AtomicInteger pauses = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final List<Path> imports = new CopyOnWriteArrayList<>();
    /** The model ids asked for, in order (a resume asks again). */
    final List<String> downloaded = new CopyOnWriteArrayList<>();
    volatile List<String> installed = List.of();
    volatile long memoryInUse = 3_435_973_837L; // 3.2 GB
    volatile boolean memoryReadOnFxThread;

    FakeModelService(ModelState initial) {
        state = initial;
    }

    /** Announces a new state on the worker thread and returns once the listeners have heard it. */
    void announce(ModelState newState) {
        try {
            worker.submit(() -> {
                state = newState;
                listeners.forEach(listener -> listener.accept(newState));
            }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not announce", e);
        }
    }

    @Override
    public ModelState state() {
        return state;
    }

    @Override
    public void addListener(Consumer<ModelState> listener) {
        listeners.add(listener);
    }

    @Override
    public Recommendation recommend(String language) {
        return new Recommendation("Qwen3.5 4B", 2_900_000_000L, language.equals("de")
                ? "16 GB Arbeitsspeicher → Qwen3.5 4B: gute Zusammenfassungen, flüssig auf diesem Computer."
                : "16 GB memory → Qwen3.5 4B: good summaries, runs smoothly on this computer.");
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer("qwen3.5-2b-q4_k_m", "Qwen3.5 2B", 1_270_000_000L, false),
                new Offer("qwen3.5-4b-q4_k_m", "Qwen3.5 4B", 2_900_000_000L, false),
                new Offer("embeddinggemma-300m-q8_0", "EmbeddingGemma 300M", 330_000_000L, true));
    }

    @Override
    public void download(String modelId) {
        downloads.incrementAndGet();
        downloaded.add(modelId);
    }

    @Override
    public void pause() {
        pauses.incrementAndGet();
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
    }

    @Override
    public void importModel(Path file) {
        imports.add(file);
    }

    @Override
    public List<String> installedModels() {
        return installed;
    }

    @Override
    public long memoryInUseBytes() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            memoryReadOnFxThread = true;
        }
        return memoryInUse;
    }
}
