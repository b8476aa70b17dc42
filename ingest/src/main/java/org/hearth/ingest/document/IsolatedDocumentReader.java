package org.hearth.ingest.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.domain.Locator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the user's documents in a separate, bounded JVM, so that a hostile or broken file (a zip
 * bomb, a reference loop, a parser bug) costs that file only: the worker has a heap limit, each
 * document a time limit, and a worker that crashed, ran out of memory, timed out or was cancelled is
 * replaced before the next file. One worker stays warm across files; reading is sequential per
 * instance (create one per core for parallel reading).
 */
public final class IsolatedDocumentReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedDocumentReader.class);
    /** How often a waiting read looks at the cancel flag: the longest a cancel takes to act. */
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * @param maxFileBytes  larger files are refused before any parsing
     * @param heapMegabytes the worker's -Xmx
     * @param timeout       the longest one document may take until its first page is read, and then
     *                      the longest from one page to the next
     * @param maxCharacters the most text taken from one document; the rest is left out and the result
     *                      says so ({@link DocumentText#limitReached()})
     */
    public record Limits(long maxFileBytes, int heapMegabytes, Duration timeout, int maxCharacters) {

        /**
         * 2,000 pages of 6,000 characters: a dense A4 page of legal text holds 3,000–5,000, so a long
         * contract or file is read whole, while a small file that expands to hundreds of megabytes of
         * text (many pages showing one content stream) costs the app about 70 MB while it is indexed,
         * not gigabytes (BENCHMARKS.md, ADR 0010).
         */
        public static final int MAX_CHARACTERS = 12_000_000;

        public Limits {
            if (maxFileBytes <= 0 || heapMegabytes < 16 || timeout.isNegative() || timeout.isZero() || maxCharacters <= 0) {
                throw new IllegalArgumentException("limits must be positive, heap at least 16 MB: " + maxFileBytes + ", "
                        + heapMegabytes + ", " + timeout + ", " + maxCharacters);
            }
        }

        public Limits(long maxFileBytes, int heapMegabytes, Duration timeout) {
            this(maxFileBytes, heapMegabytes, timeout, MAX_CHARACTERS);
        }

        public static Limits defaults() {
            return new Limits(200_000_000L, 512, Duration.ofSeconds(120));
        }

        public Limits withMaxCharacters(int characters) {
            return new Limits(maxFileBytes, heapMegabytes, timeout, characters);
        }
    }

    private final Limits limits;
    private WorkerProcess worker;
    private boolean closed;

    public IsolatedDocumentReader(Limits limits) {
        this.limits = limits;
    }

    /** "pdf", "docx", "txt", "md", "eml" and the scanned images' "png", "jpg", "jpeg", "tif", "tiff". */
    public static Set<String> supportedExtensions() {
        return Collections.unmodifiableSequencedSet(new LinkedHashSet<>(
                Arrays.stream(DocumentType.values()).flatMap(type -> type.extensions().stream()).toList()));
    }

    /**
     * Reads one document; {@code progress} is called on this thread. Throws {@link CancellationException}
     * once {@code cancelled} says so, after stopping the worker.
     */
    public synchronized DocumentText read(Path file, ReadOptions options, ReadProgress progress, BooleanSupplier cancelled)
            throws DocumentException {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        DocumentType type = DocumentReaders.checkReadable(file);
        checkSize(file);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("reading " + DocumentException.name(file) + " was cancelled");
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        WorkerProcess current = send(new WorkerProtocol.Request(file.toAbsolutePath(), type, options, limits.maxCharacters()));

        Map<String, String> metadata = new LinkedHashMap<>();
        List<TextBlock> blocks = new ArrayList<>();
        TextLimitReached limitReached = null;
        int pageTotal = 0;
        while (true) {
            throwIfCancelled(file, cancelled);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                discardWorker();
                throw DocumentException.timeout(file, limits.timeout());
            }
            WorkerFrame frame;
            try {
                frame = current.next(Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
            } catch (InterruptedException e) {
                discardWorker();
                Thread.currentThread().interrupt();
                throw new CancellationException("reading " + DocumentException.name(file) + " was interrupted");
            }
            switch (frame) {
                case null -> { }
                case WorkerFrame.Progress p -> {
                    // each page finished earns the next one the full time: OCR of a 50-page scan takes minutes
                    deadline = Math.max(deadline, System.nanoTime() + limits.timeout().toNanos());
                    pageTotal = p.total();
                    progress.pages(p.done(), p.total());
                }
                case WorkerFrame.Metadata m -> metadata.put(m.key(), m.value());
                case WorkerFrame.Block b -> {
                    if (!b.block().text().isBlank()) {
                        blocks.add(b.block());
                    }
                }
                case WorkerFrame.LimitReached reached -> limitReached = reached.reached();
                case WorkerFrame.LimitPassed ignored -> {
                    // the worker did not stop at the limit: it is out of step, and the text so far is all we take
                    discardWorker();
                    LOG.warn("document worker sent more text than the limit of {} characters; it was stopped", limits.maxCharacters());
                    Locator last = blocks.isEmpty() ? null : blocks.getLast().locator();
                    return new DocumentText(file, type, pageTotal, metadata, blocks,
                            Optional.of(CappedSink.reached(last, pageTotal, limits.maxCharacters())));
                }
                case WorkerFrame.Done done -> {
                    return new DocumentText(file, type, done.pageCount(), metadata, blocks, Optional.ofNullable(limitReached));
                }
                case WorkerFrame.Failed failed -> {
                    if (!leavesWorkerHealthy(failed.kind())) {
                        discardWorker();
                    }
                    throw new DocumentException(failed.kind(), file, failed.message());
                }
                case WorkerFrame.Exited exited -> {
                    discardWorker();
                    LOG.warn("document worker exited with code {} while reading; a new one starts for the next file", exited.exitCode());
                    throw exited.exitCode() == WorkerProtocol.OUT_OF_MEMORY_EXIT_CODE
                            ? DocumentException.outOfMemory(file, limits.heapMegabytes())
                            : DocumentException.readerStopped(file);
                }
            }
        }
    }

    /** The running worker, for tests that look at its command line or whether it was stopped. */
    synchronized Optional<ProcessHandle> workerProcess() {
        return Optional.ofNullable(worker).map(WorkerProcess::handle);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    private void checkSize(Path file) throws DocumentException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DocumentException.notReadable(file);
        }
        if (size > limits.maxFileBytes()) {
            throw DocumentException.tooLarge(file, size, limits.maxFileBytes());
        }
    }

    /** Sends to the warm worker; one that died since the last file is replaced once. */
    private WorkerProcess send(WorkerProtocol.Request request) {
        for (int attempt = 1; ; attempt++) {
            WorkerProcess current = worker();
            try {
                current.send(request);
                return current;
            } catch (IOException workerGone) {
                discardWorker();
                if (attempt == 2) {
                    throw new IllegalStateException("Hearth's document reader could not be started", workerGone);
                }
            }
        }
    }

    private WorkerProcess worker() {
        if (worker == null || !worker.isAlive()) {
            discardWorker();
            try {
                worker = WorkerProcess.start(limits.heapMegabytes());
            } catch (IOException e) {
                throw new IllegalStateException("Hearth's document reader could not be started", e);
            }
        }
        return worker;
    }

    private void discardWorker() {
        if (worker != null) {
            worker.kill();
            worker = null;
        }
    }

    private void throwIfCancelled(Path file, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            discardWorker();
            throw new CancellationException("reading " + DocumentException.name(file) + " was cancelled");
        }
    }

    /**
     * Outcomes the parsers reach on purpose keep the warm worker; after anything else (a parser
     * that threw on damaged input) the worker's state is unknown, so it is replaced.
     */
    private static boolean leavesWorkerHealthy(DocumentException.Kind kind) {
        return switch (kind) {
            case PASSWORD_REQUIRED, WRONG_PASSWORD, NO_TEXT, NOT_FOUND, UNSUPPORTED_TYPE -> true;
            default -> false;
        };
    }
}
