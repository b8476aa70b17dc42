package org.hearth.assistant.engine.remote;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;

/**
 * A series on a server: nothing is kept between requests but the system message, sent with each. completeAll
 * keeps up to {@code parallel} requests in flight on virtual threads and hands each finished one to the listener,
 * one call at a time. The first failure stops the others and is rethrown.
 */
final class RemoteSeries implements PromptSeries {

    private final RemoteEngine engine;
    private final String system;
    private final int parallel;
    private final BooleanSupplier cancelled;
    private Usage usage = Usage.NONE;

    RemoteSeries(RemoteEngine engine, String system, int parallel, BooleanSupplier cancelled) {
        this.engine = engine;
        this.system = system;
        this.parallel = parallel;
        this.cancelled = cancelled;
    }

    @Override
    public Completion complete(EngineRequest request, TextListener listener) {
        Completion completion = engine.complete(system, request, listener, cancelled);
        add(completion.usage());
        return completion;
    }

    @Override
    public void completeAll(List<EngineRequest> requests, CompletionListener listener) {
        int total = requests.size();
        listener.onProgress(0, total);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        Reporter reporter = new Reporter(listener, total);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < Math.min(parallel, total); worker++) {
                workers.submit(() -> {
                    try {
                        for (int index = next.getAndIncrement(); index < total && !stop.getAsBoolean(); index = next.getAndIncrement()) {
                            Completion completion = engine.complete(system, requests.get(index), TextListener.ignore(), stop);
                            add(completion.usage());
                            if (completion.cancelled()) {
                                return;
                            }
                            reporter.report(index, completion, stop);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public synchronized Usage usage() {
        return usage;
    }

    @Override
    public void close() {
        // nothing is held between requests
    }

    private synchronized void add(Usage more) {
        usage = usage.plus(more);
    }

    /** Serialises the listener's calls, which come from several request threads. */
    private static final class Reporter {

        private final CompletionListener listener;
        private final int total;
        private int done;

        Reporter(CompletionListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void report(int index, Completion completion, BooleanSupplier stop) {
            // once another request failed or the run was cancelled, nothing more is reported
            if (!stop.getAsBoolean()) {
                listener.onCompletion(index, completion);
                listener.onProgress(++done, total);
            }
        }
    }
}
