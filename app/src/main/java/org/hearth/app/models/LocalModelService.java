package org.hearth.app.models;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.assistant.engine.HostState;
import org.hearth.assistant.engine.ModelHost;
import org.hearth.assistant.engine.ModelLease;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.ModelInfo;
import org.hearth.assistant.model.CatalogModel;
import org.hearth.assistant.model.DiskSpaceProbe;
import org.hearth.assistant.model.DownloadCancellation;
import org.hearth.assistant.model.DownloadException;
import org.hearth.assistant.model.DownloadListener;
import org.hearth.assistant.model.FitCheck;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.model.MachineFacts;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.assistant.model.ModelDownloader;
import org.hearth.assistant.model.ModelImportException;
import org.hearth.assistant.model.ModelImporter;
import org.hearth.assistant.model.ModelRole;
import org.hearth.ui.service.ModelService;
import org.hearth.ui.service.ModelService.ModelState.Failed.Reason;
import org.hearth.ui.service.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's model: finds an installed one at start, or downloads or imports one, and loads it into
 * the {@link ModelHost} on a worker thread; jobs take their leases from the host. One model for the whole
 * app; each job makes its own context. The status bar's loading/ready/busy state is the host's.
 */
public final class LocalModelService implements ModelService, SharedModel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalModelService.class);

    private final HearthPaths paths;
    private final SettingsService settings;
    private final HuggingFaceHub hub;
    private final ModelDownloader downloader;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-model").factory());
    private final List<Consumer<ModelState>> listeners = new CopyOnWriteArrayList<>();
    private final ModelHost host = new ModelHost();
    private final Object lock = new Object();
    private ModelState state = new ModelState.None();
    private DownloadCancellation download;
    private boolean forgetDownload;

    public LocalModelService(HearthPaths paths, SettingsService settings, HuggingFaceHub hub) {
        this.paths = paths;
        this.settings = settings;
        this.downloader = new ModelDownloader(hub, paths.models(), DiskSpaceProbe.fileStore());
        this.hub = hub;
        host.addListener(this::hostChanged);
    }

    /** Looks for an installed model and loads it in the background. */
    public void start() {
        worker.execute(() -> {
            Path file;
            try {
                file = InstalledModels.resolveDefault(paths, settings.load().model());
            } catch (LlamaException noneInstalled) {
                publish(new ModelState.None());
                return;
            }
            load(file);
        });
    }

    @Override
    public ModelState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public void addListener(Consumer<ModelState> listener) {
        listeners.add(listener);
    }

    @Override
    public Recommendation recommend(String language) {
        var recommendation = FitCheck.recommend(MachineFacts.detect());
        return new Recommendation(recommendation.model().displayName(), recommendation.model().approximateSizeBytes(),
                recommendation.explain(Locale.forLanguageTag(language)));
    }

    @Override
    public List<Offer> offers() {
        return ModelCatalog.all().stream().map(model -> new Offer(model.id(), model.displayName(),
                model.approximateSizeBytes(), model.role() == ModelRole.EMBEDDING)).toList();
    }

    @Override
    public void download(String modelId) {
        CatalogModel target = ModelCatalog.find(modelId)
                .orElseThrow(() -> new IllegalArgumentException("No model " + modelId + " in the catalog"));
        DownloadCancellation cancellation = new DownloadCancellation();
        synchronized (lock) {
            if (download != null) {
                return; // already running
            }
            download = cancellation;
            forgetDownload = false;
        }
        host.expectModel(); // jobs wait for this download rather than fail with the last one's error
        worker.execute(() -> {
            try (NetworkGate.Permit permit = ModelHubAccess.permit(hub, target.id())) {
                Files.createDirectories(paths.models());
                Path file = downloader.download(target, progress -> publish(new ModelState.Downloading(target.displayName(),
                        progress.bytesDone(), progress.totalBytes(), progress.bytesPerSecond(),
                        progress.remaining().map(java.time.Duration::toSeconds).orElse(-1L), false)), cancellation);
                clearDownload();
                if (target.role() == ModelRole.CHAT && !loaded()) {
                    load(file);
                } else {
                    publishSettled();
                }
            } catch (DownloadException e) {
                boolean forget = clearDownload();
                if (e.reason() == DownloadException.Reason.CANCELLED) {
                    if (forget) {
                        deleteQuietly(downloader.partialFile(target));
                        publishSettled();
                    } else {
                        long done = downloader.partialBytes(target);
                        publish(new ModelState.Downloading(target.displayName(), done, target.approximateSizeBytes(), 0, -1, true));
                    }
                } else {
                    failed(failureOf(e.reason()), e.getMessage());
                }
            } catch (IOException e) {
                clearDownload();
                failed(Reason.MODELS_FOLDER, "Hearth cannot write to " + paths.models() + ": " + e.getMessage());
            }
        });
    }

    /**
     * Downloads the search (embedding) model on the caller's thread, with the same resumable, checked download as
     * {@link #download}; the search service loads it itself.
     */
    public Path downloadSearchModel(DownloadListener listener, DownloadCancellation cancellation) throws DownloadException {
        try (NetworkGate.Permit permit = ModelHubAccess.permit(hub, ModelCatalog.embeddingModel().id())) {
            return downloader.download(ModelCatalog.embeddingModel(), listener, cancellation);
        }
    }

    @Override
    public void pause() {
        synchronized (lock) {
            if (download != null) {
                download.cancel();
            }
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (download != null) {
                forgetDownload = true;
                download.cancel();
            }
        }
    }

    @Override
    public void importModel(Path file) {
        worker.execute(() -> {
            try {
                Files.createDirectories(paths.models());
                var imported = new ModelImporter(paths.models(), DiskSpaceProbe.fileStore()).importFile(file, ModelImporter.Mode.COPY);
                load(imported.file());
            } catch (ModelImportException e) {
                failed(failureOf(e.reason()), e.getMessage());
            } catch (IOException e) {
                failed(Reason.MODELS_FOLDER, "Hearth cannot write to " + paths.models() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public List<String> installedModels() {
        return InstalledModels.chatModelNames(paths);
    }

    @Override
    public long memoryInUseBytes() {
        // Where the system does not tell: the Java heap plus the model's weights, a fair estimate of what dominates.
        return ResidentMemory.ofThisProcess().orElseGet(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                + host.loadedModel().map(ModelInfo::sizeBytes).orElse(0L));
    }

    /**
     * A lease on the loaded model, waiting for it while it downloads or loads.
     *
     * @throws CancellationException when {@code cancelled} turns true while waiting
     * @throws LlamaException        when no model can become ready (its download, import or load failed)
     */
    @Override
    public ModelLease lease(BooleanSupplier cancelled) throws InterruptedException {
        return host.lease(cancelled);
    }

    /** Loads a model in place of the current one, letting running jobs finish on the old one first. */
    private void load(Path file) {
        try {
            host.load(file, ModelHost.RunningJobs.LET_FINISH);
        } catch (LlamaException e) {
            LOG.warn("Loading {} failed", file, e); // the host's state says so, and the status bar shows it
        } catch (InterruptedException | CancellationException e) {
            LOG.info("Loading {} stopped: the window is closing", file);
        }
    }

    /** The window words failures in the user's language, so it gets the kind; the message stays as the detail. */
    private static Reason failureOf(DownloadException.Reason reason) {
        return switch (reason) {
            case NOT_ENOUGH_DISK -> Reason.NOT_ENOUGH_DISK;
            case NETWORK -> Reason.NETWORK;
            case HUB_ANSWER -> Reason.DOWNLOAD_SOURCE;
            case CHECKSUM_MISMATCH -> Reason.DAMAGED_DOWNLOAD;
            case FILE_SYSTEM, CANCELLED -> Reason.MODELS_FOLDER;
        };
    }

    private static Reason failureOf(ModelImportException.Reason reason) {
        return switch (reason) {
            case NOT_USABLE -> Reason.NOT_A_MODEL;
            case ALREADY_PRESENT -> Reason.ALREADY_INSTALLED;
            case NOT_ENOUGH_DISK -> Reason.NOT_ENOUGH_DISK;
            case FILE_SYSTEM -> Reason.MODELS_FOLDER;
        };
    }

    /**
     * After a download that loads nothing (another size, or the search model) or was cancelled: back to the model
     * in use, so the window does not send a user who has one to the set-up page.
     */
    private void publishSettled() {
        HostState now = host.state();
        if (now instanceof HostState.Empty) {
            publish(new ModelState.None());
        } else {
            hostChanged(now);
        }
    }

    private boolean loaded() {
        return host.loadedModel().isPresent();
    }

    private void hostChanged(HostState hostState) {
        switch (hostState) {
            case HostState.Empty empty -> { } // what comes next (none installed, a download) is this service's to say
            case HostState.Loading loading -> publish(new ModelState.Loading(loading.modelName(), loading.fraction()));
            case HostState.Ready ready -> publish(ready.busy() ? new ModelState.Busy(ready.modelName(), ready.leases()) : new ModelState.Ready(ready.modelName()));
            case HostState.Draining draining -> publish(new ModelState.Busy(draining.modelName(), draining.leases()));
            case HostState.Failed failed -> publish(new ModelState.Failed(Reason.LOAD_FAILED, failed.message()));
        }
    }

    private void failed(Reason reason, String message) {
        publish(new ModelState.Failed(reason, message));
        host.fail(message); // jobs waiting for this model stop waiting
    }

    private boolean clearDownload() {
        synchronized (lock) {
            download = null;
            return forgetDownload;
        }
    }

    private void publish(ModelState newState) {
        synchronized (lock) {
            if (newState.equals(state)) {
                return;
            }
            state = newState;
        }
        for (Consumer<ModelState> listener : listeners) {
            try {
                listener.accept(newState);
            } catch (RuntimeException e) {
                LOG.warn("A model state listener failed", e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        host.close();
    }
}
