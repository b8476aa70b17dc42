package org.hearth.assistant.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.assistant.llama.ModelInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the native lifetime of one model slot: the chat model, or (a host of its own) the embedding model.
 * Jobs take a counted {@link ModelLease}; "busy" is the number of open leases; a swap or unload waits for
 * them (or recalls them first) and nothing closes a model a lease still holds.
 *
 * <p>Thread-safe. {@link #load} and {@link #unload} block their caller (a worker thread) and run one at a
 * time; listeners hear state changes on the thread that caused them, in order, possibly coalesced when
 * several threads change the state at once (they always end on the latest one).
 */
public final class ModelHost implements AutoCloseable {

    /** What a swap or unload does with the jobs that hold the current model. */
    public enum RunningJobs {
        /** Wait until they are done. */
        LET_FINISH,
        /** Flip their leases' cancel signal, then wait until they have stopped. */
        CANCEL
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModelHost.class);
    // Cancel signals are suppliers, not events, so a waiting lease looks at its own this often.
    private static final long CANCEL_CHECK_MILLIS = 100;
    private static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(10);

    private final Duration closeGrace;
    private final Object lock = new Object();
    private final Set<ModelLease> leases = new HashSet<>();
    private final List<Consumer<HostState>> listeners = new CopyOnWriteArrayList<>();
    private final Object delivery = new Object();
    private HostState lastDelivered;
    private HostState state = new HostState.Empty();
    private LlamaModel model;
    private String modelName;
    private boolean changing;
    private boolean closed;

    public ModelHost() {
        this(DEFAULT_CLOSE_GRACE);
    }

    /** @param closeGrace how long {@link #close()} waits for recalled jobs before leaving their model to the process exit */
    public ModelHost(Duration closeGrace) {
        this.closeGrace = closeGrace;
    }

    public HostState state() {
        synchronized (lock) {
            return state;
        }
    }

    public void addListener(Consumer<HostState> listener) {
        listeners.add(listener);
    }

    /** What llama.cpp says about the loaded model, e.g. its size in memory. */
    public Optional<ModelInfo> loadedModel() {
        synchronized (lock) {
            return Optional.ofNullable(model).map(LlamaModel::info);
        }
    }

    /**
     * A lease on the model, waiting while none is loaded, one is loading, or the current one is being replaced.
     *
     * @param cancelled the job's cancel signal: it ends the wait, and the lease's {@link ModelLease#cancelled()} includes it
     * @throws CancellationException when {@code cancelled} turns true while waiting
     * @throws LlamaException        when the host failed to load a model, or was told none will come
     * @throws IllegalStateException when the host is closed
     */
    public ModelLease lease(BooleanSupplier cancelled) throws InterruptedException {
        ModelLease lease;
        synchronized (lock) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("The model host is closed");
                }
                if (state instanceof HostState.Ready) {
                    break;
                }
                if (state instanceof HostState.Failed failed) {
                    throw new LlamaException(failed.message());
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled while waiting for the model");
                }
                lock.wait(CANCEL_CHECK_MILLIS);
            }
            lease = new ModelLease(this, model, cancelled);
            leases.add(lease);
            state = new HostState.Ready(modelName, leases.size());
        }
        deliver();
        return lease;
    }

    void released(ModelLease lease) {
        synchronized (lock) {
            if (!leases.remove(lease)) {
                return;
            }
            state = switch (state) {
                case HostState.Ready ready -> new HostState.Ready(ready.modelName(), leases.size());
                case HostState.Draining draining -> new HostState.Draining(draining.modelName(), leases.size(), draining.cancelling());
                default -> state;
            };
            lock.notifyAll();
        }
        deliver();
    }

    /**
     * Loads a model in place of the current one: waits for (or recalls) the current model's leases, closes it,
     * then loads the new one, so two large models are never in memory at once. Leases asked for meanwhile wait
     * and get the new model.
     *
     * @throws InterruptedException while waiting for the running jobs: the current model stays loaded
     * @throws LlamaException       when the file cannot be loaded; the state says so until the next load
     */
    public void load(Path file, RunningJobs runningJobs) throws InterruptedException {
        String name = file.getFileName().toString();
        startChange();
        try {
            replaceCurrent(runningJobs, new HostState.Loading(name, 0));
            LlamaModel loaded;
            try {
                loaded = LlamaRuntime.get().loadModel(file, fraction -> {
                    change(new HostState.Loading(name, fraction));
                    return !isClosed();
                });
            } catch (CancellationException e) {
                change(new HostState.Empty());
                throw e;
            } catch (RuntimeException e) {
                change(new HostState.Failed(e.getMessage() == null ? "Loading " + name + " failed" : e.getMessage()));
                throw e;
            }
            boolean keep;
            synchronized (lock) {
                keep = !closed;
                if (keep) {
                    model = loaded;
                    modelName = name;
                    state = new HostState.Ready(name, 0);
                    lock.notifyAll();
                }
            }
            if (keep) {
                deliver();
            } else {
                loaded.close(); // the host closed during the load: no lease can have it
            }
        } finally {
            endChange();
        }
    }

    /** Closes the current model once its leases are closed (or recalled and closed); leases wait for the next load. */
    public void unload(RunningJobs runningJobs) throws InterruptedException {
        startChange();
        try {
            replaceCurrent(runningJobs, new HostState.Empty());
        } finally {
            endChange();
        }
    }

    /**
     * No model will come for now (e.g. its download failed): waiting and new leases fail with {@code message}
     * until the next load or {@link #expectModel()}. Ignored while a model is loaded or loading.
     */
    public void fail(String message) {
        synchronized (lock) {
            if (model != null || changing || closed) {
                return;
            }
            state = new HostState.Failed(message);
            lock.notifyAll();
        }
        deliver();
    }

    /** A model is on its way again (e.g. a download restarted): leases wait for it instead of failing. */
    public void expectModel() {
        synchronized (lock) {
            if (!(state instanceof HostState.Failed)) {
                return;
            }
            state = new HostState.Empty();
            lock.notifyAll();
        }
        deliver();
    }

    private void startChange() throws InterruptedException {
        synchronized (lock) {
            while (changing) {
                lock.wait();
            }
            if (closed) {
                throw new IllegalStateException("The model host is closed");
            }
            changing = true;
        }
    }

    private void endChange() {
        synchronized (lock) {
            changing = false;
            lock.notifyAll();
        }
    }

    private void replaceCurrent(RunningJobs runningJobs, HostState next) throws InterruptedException {
        boolean draining;
        synchronized (lock) {
            draining = model != null;
            if (draining) {
                boolean cancel = runningJobs == RunningJobs.CANCEL;
                if (cancel) {
                    leases.forEach(ModelLease::recall);
                }
                state = new HostState.Draining(modelName, leases.size(), cancel);
            } else {
                state = next;
            }
            lock.notifyAll();
        }
        deliver();
        if (!draining) {
            return;
        }
        LOG.info("Model host: {}", state().describe());
        LlamaModel old;
        boolean interrupted = false;
        boolean hostClosed;
        synchronized (lock) {
            try {
                while (!leases.isEmpty()) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            hostClosed = closed;
            if (interrupted && !hostClosed) {
                old = null;
                state = new HostState.Ready(modelName, leases.size());
            } else {
                // close() may have taken the model already, or given up on leases that have closed since
                old = leases.isEmpty() ? model : null;
                if (old != null) {
                    model = null;
                    modelName = null;
                }
                state = hostClosed ? new HostState.Empty() : next;
            }
            lock.notifyAll();
        }
        if (old != null) {
            // No lease holds it and no new one can get it: closing cannot pull it from under a job.
            old.close();
        }
        deliver();
        if (interrupted) {
            throw new InterruptedException("Interrupted while waiting for the running jobs");
        }
        if (hostClosed) {
            throw new IllegalStateException("The model host is closed");
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void change(HostState next) {
        synchronized (lock) {
            state = next;
            lock.notifyAll();
        }
        deliver();
    }

    private void deliver() {
        synchronized (delivery) {
            HostState now = state();
            if (now.equals(lastDelivered)) {
                return;
            }
            lastDelivered = now;
            LOG.debug("Model host: {}", now.describe());
            for (Consumer<HostState> listener : listeners) {
                try {
                    listener.accept(now);
                } catch (RuntimeException e) {
                    LOG.warn("A model host listener failed", e);
                }
            }
        }
    }

    /**
     * Recalls every lease and closes the model once they are closed. A job that does not stop within the grace
     * period keeps its model: it is left to the process exit rather than freed under the job.
     */
    @Override
    public void close() {
        LlamaModel toClose = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            leases.forEach(ModelLease::recall);
            lock.notifyAll();
            long deadline = System.nanoTime() + closeGrace.toNanos();
            try {
                long left;
                while (!leases.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (leases.isEmpty()) {
                toClose = model;
                model = null;
                modelName = null;
                state = new HostState.Empty();
            } else {
                LOG.warn("{} still holding {} after {}; it stays loaded until the process ends",
                        leases.size() == 1 ? "1 job" : leases.size() + " jobs", modelName, closeGrace);
            }
        }
        if (toClose != null) {
            toClose.close();
        }
        deliver();
    }
}
