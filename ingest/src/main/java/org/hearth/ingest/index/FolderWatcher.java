package org.hearth.ingest.index;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the folders of collections while the app runs and says which collection changed, once
 * things have been quiet for a while (saving a document or copying a folder is many events), so the
 * app can run {@link SearchIndex#index} for it, which is cheap when little changed. Folders below a
 * watched folder are watched too, including ones created later. Changes to files the index ignores
 * (hidden files, Office lock files "~$…", unsupported types) are ignored here as well.
 *
 * <p>What the platform's watch service misses (too many events, a folder on a network share) the
 * rescan when the app starts catches; the watcher only makes updates quicker. The callback runs on
 * the watcher's thread: it should hand the work on, not do it.
 */
public final class FolderWatcher implements AutoCloseable {

    public static final Duration DEFAULT_QUIET = Duration.ofSeconds(2);
    private static final Duration DEFAULT_TICK = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final WatchService service;
    private final Duration quiet;
    private final InstantSource clock;
    private final Duration tick;
    private final Consumer<String> changed;
    private final Consumer<Path> observed;
    private final Thread thread;

    /** Watched directory per key, and the folders each collection was asked to watch. Guarded by this. */
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Map<String, Set<Path>> roots = new HashMap<>();
    /** When each collection with changes becomes quiet enough to report. Only the watcher thread uses it. */
    private final Map<String, Instant> due = new LinkedHashMap<>();
    private volatile boolean closed;

    private FolderWatcher(WatchService service, Duration quiet, InstantSource clock, Duration tick, Consumer<String> changed,
                          Consumer<Path> observed) {
        this.service = service;
        this.quiet = quiet;
        this.clock = clock;
        this.tick = tick;
        this.changed = changed;
        this.observed = observed;
        this.thread = Thread.ofPlatform().daemon().name("hearth-folder-watcher").unstarted(this::loop);
    }

    /** Starts watching nothing; add folders with {@link #watch}. {@code changed} gets a collection's name. */
    public static FolderWatcher start(Consumer<String> changed) throws IOException {
        return start(DEFAULT_QUIET, InstantSource.system(), DEFAULT_TICK, changed, path -> { });
    }

    /**
     * @param tick     how often the quiet periods are checked, however the clock moves
     * @param observed hears every change that counts, before the quiet period (for tests)
     */
    static FolderWatcher start(Duration quiet, InstantSource clock, Duration tick, Consumer<String> changed,
                               Consumer<Path> observed) throws IOException {
        FolderWatcher watcher = new FolderWatcher(FileSystems.getDefault().newWatchService(), quiet, clock, tick, changed, observed);
        watcher.thread.start();
        return watcher;
    }

    /** Watches {@code folder} and every folder below it for {@code collection}. */
    public void watch(String collection, Path folder) throws IOException {
        Path normalised = folder.toAbsolutePath().normalize();
        synchronized (this) {
            roots.computeIfAbsent(collection, c -> new HashSet<>()).add(normalised);
        }
        registerTree(normalised);
    }

    /** Stops reporting changes below {@code folder} for {@code collection}. */
    public synchronized void unwatch(String collection, Path folder) {
        Set<Path> folders = roots.get(collection);
        if (folders != null) {
            folders.remove(folder.toAbsolutePath().normalize());
            if (folders.isEmpty()) {
                roots.remove(collection);
            }
        }
        Iterator<Map.Entry<WatchKey, Path>> entries = directories.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<WatchKey, Path> entry = entries.next();
            if (collectionsOf(entry.getValue()).isEmpty()) {
                entry.getKey().cancel();
                entries.remove();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        try {
            thread.join(tick.toMillis() * 4 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                WatchKey key = service.poll(tick.toMillis(), TimeUnit.MILLISECONDS);
                while (key != null) {
                    handle(key);
                    key = service.poll();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
            reportQuietCollections();
        }
    }

    private void handle(WatchKey key) {
        Path directory;
        synchronized (this) {
            directory = directories.get(key);
        }
        if (directory == null) {
            key.cancel();
            return;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changedBelow(directory, directory);
                continue;
            }
            Path child = directory.resolve((Path) event.context());
            boolean isDirectory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (FileScan.isSkipped(child) || !(isDirectory || FileScan.isIndexable(child))) {
                continue;
            }
            if (isDirectory && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                registerTree(child);
            }
            changedBelow(directory, child);
        }
        if (!key.reset()) {
            // the directory itself is gone (deleted or renamed): its files are gone from where they were
            synchronized (this) {
                directories.remove(key);
            }
            changedBelow(directory, directory);
        }
    }

    private void changedBelow(Path directory, Path changedPath) {
        Instant quietAt = clock.instant().plus(quiet);
        for (String collection : collectionsOf(directory)) {
            due.put(collection, quietAt);
        }
        observed.accept(changedPath);
    }

    private void reportQuietCollections() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Instant>> entries = due.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> entry = entries.next();
            if (!entry.getValue().isAfter(now)) {
                entries.remove();
                try {
                    changed.accept(entry.getKey());
                } catch (RuntimeException e) {
                    // the type only: the app's message may name a folder, and folder names can name clients
                    LOG.warn("reacting to a folder change failed ({}); the next change or start tries again", e.getClass().getName());
                }
            }
        }
    }

    private synchronized List<String> collectionsOf(Path directory) {
        return roots.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(directory::startsWith))
                .map(Map.Entry::getKey)
                .toList();
    }

    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(top) && FileScan.isSkipped(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                    synchronized (FolderWatcher.this) {
                        directories.put(key, dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | ClosedWatchServiceException e) {
            // e.g. the system's limit of watched folders: the rescan on start still finds every change.
            // No path in the log: folder names can name clients.
            LOG.warn("a folder could not be watched for changes ({}); changes there are found at the next start",
                    e.getClass().getSimpleName());
        }
    }
}
