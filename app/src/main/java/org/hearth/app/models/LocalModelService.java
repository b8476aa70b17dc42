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
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.assistant.model.CatalogModel;
import org.hearth.assistant.model.DiskSpaceProbe;
import org.hearth.assistant.model.DownloadCancellation;
import org.hearth.assistant.model.DownloadException;
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
 * The window's model: finds an installed one at start, or downloads or imports one, loads it on a
 * worker thread and hands it to jobs once it is ready. One model for the whole app; each job makes
 * its own context.
 */
public final class LocalModelService implements ModelService, SharedModel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalModelService.class);

    private final HearthPaths paths;
    private final SettingsService settings;
    private final ModelDownloader downloader;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-model").factory());
    private final List<Consumer<ModelState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ModelState state = new ModelState.None();
    private LlamaModel model;
    private String loadedName;
    private DownloadCancellation download;
    private boolean forgetDownload;

    public LocalModelService(HearthPaths paths, SettingsService settings, HuggingFaceHub hub) {
        this.paths = paths;
        this.settings = settings;
        this.downloader = new ModelDownloader(hub, paths.models(), DiskSpaceProbe.fileStore());
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
        worker.execute(() -> {
            try {
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
                    publish(new ModelState.Failed(failureOf(e.reason()), e.getMessage()));
                }
            } catch (IOException e) {
                clearDownload();
                publish(new ModelState.Failed(Reason.MODELS_FOLDER, "Hearth cannot write to " + paths.models() + ": " + e.getMessage()));
            }
        });
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
                publish(new ModelState.Failed(failureOf(e.reason()), e.getMessage()));
            } catch (IOException e) {
                publish(new ModelState.Failed(Reason.MODELS_FOLDER, "Hearth cannot write to " + paths.models() + ": " + e.getMessage()));
            }
        });
    }

    @Override
    public List<String> installedModels() {
        return InstalledModels.chatModelNames(paths);
    }

    @Override
    public long memoryInUseBytes() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try (var lines = Files.lines(status)) {
                var rss = lines.filter(l -> l.startsWith("VmRSS:")).findFirst();
                if (rss.isPresent()) {
                    return Long.parseLong(rss.get().replaceAll("[^0-9]", "")) * 1024;
                }
            } catch (IOException | NumberFormatException e) {
                LOG.debug("Could not read the resident memory", e);
            }
        }
        // Other systems: the Java heap plus the model's weights, a fair estimate of what dominates.
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (lock) {
            return heap + (model != null ? model.info().sizeBytes() : 0);
        }
    }

    /**
     * The loaded model, waiting for it while it downloads or loads.
     *
     * @throws CancellationException when {@code cancelled} turns true while waiting
     * @throws LlamaException        when no model can become ready (none installed and no download running, or a failure)
     */
    @Override
    public LlamaModel await(BooleanSupplier cancelled) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (model != null) {
                    return model;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled while waiting for the model");
                }
                if (state instanceof ModelState.Failed failed) {
                    throw new LlamaException(failed.detail());
                }
                lock.wait(250);
            }
        }
    }

    /** Shows "busy" in the status bar while a job uses the model. */
    @Override
    public void busy(boolean busy) {
        ModelState current = state();
        String name = current instanceof ModelState.Ready ready ? ready.modelName()
                : current instanceof ModelState.Busy b ? b.modelName() : null;
        if (name != null) {
            publish(busy ? new ModelState.Busy(name) : new ModelState.Ready(name));
        }
    }

    private void load(Path file) {
        String name = file.getFileName().toString();
        publish(new ModelState.Loading(name, 0));
        try {
            LlamaModel loaded = LlamaRuntime.get().loadModel(file, fraction -> {
                publish(new ModelState.Loading(name, fraction));
                return true;
            });
            synchronized (lock) {
                if (model != null) {
                    model.close();
                }
                model = loaded;
                loadedName = name;
            }
            publish(new ModelState.Ready(name));
        } catch (LlamaException e) {
            LOG.warn("Loading {} failed", file, e);
            publish(new ModelState.Failed(Reason.LOAD_FAILED, e.getMessage()));
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
        String name;
        synchronized (lock) {
            name = loadedName;
        }
        publish(name != null ? new ModelState.Ready(name) : new ModelState.None());
    }

    private boolean loaded() {
        synchronized (lock) {
            return model != null;
        }
    }

    private boolean clearDownload() {
        synchronized (lock) {
            download = null;
            return forgetDownload;
        }
    }

    private void publish(ModelState newState) {
        synchronized (lock) {
            state = newState;
            lock.notifyAll();
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
        synchronized (lock) {
            if (model != null) {
                model.close();
                model = null;
            }
        }
    }
}
