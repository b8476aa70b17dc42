package org.hearth.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.DocumentType;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.document.TextBlock;

/**
 * Text extraction speed through the product path: {@link IsolatedDocumentReader}s with their worker
 * processes, one per worker thread, sharing the files (largest first, so no worker is left with a big
 * file at the end). Untimed passes warm the workers' JITs, as a worker kept alive across files is
 * in the app; then each timed pass reads every file once. Pages count PDF pages; megabytes are the
 * files' sizes (10^6 bytes).
 */
public final class IngestBenchmark {

    /** @param warmUpPasses untimed passes first: PDFBox needs several hundred pages per worker before the JIT is done */
    public record Settings(int workers, int warmUpPasses, int repetitions) {
    }

    public record Corpus(List<Path> files, long pages, long bytes, long textCharacters) {
    }

    public record Result(Corpus corpus, Settings settings, RuntimeBenchmark.Stats pagesPerSecond,
                         RuntimeBenchmark.Stats megabytesPerSecond, RuntimeBenchmark.Stats seconds) {
    }

    private IngestBenchmark() {
    }

    /** The PDFs and DOCX files in {@code folder} and below, in name order. */
    public static List<Path> documents(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(file -> DocumentType.of(file).filter(type -> type == DocumentType.PDF || type == DocumentType.DOCX).isPresent())
                    .sorted()
                    .toList();
        }
    }

    public static Result run(List<Path> files, Settings settings, Consumer<String> progress, BooleanSupplier cancelled)
            throws DocumentException, InterruptedException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no PDF or DOCX files to read");
        }
        List<Path> largestFirst = files.stream().sorted(Comparator.comparingLong(IngestBenchmark::size).reversed()).toList();
        long bytes = largestFirst.stream().mapToLong(IngestBenchmark::size).sum();
        List<IsolatedDocumentReader> readers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(settings.workers());
        try {
            for (int i = 0; i < settings.workers(); i++) {
                readers.add(new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults()));
            }
            Pass warmUp = null;
            for (int pass = 1; pass <= Math.max(1, settings.warmUpPasses()); pass++) {
                progress.accept("warm-up " + pass + " of " + settings.warmUpPasses());
                warmUp = pass(largestFirst, readers, threads, cancelled);
            }
            List<Double> pagesPerSecond = new ArrayList<>();
            List<Double> megabytesPerSecond = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= settings.repetitions(); run++) {
                progress.accept("run " + run + " of " + settings.repetitions());
                Pass pass = pass(largestFirst, readers, threads, cancelled);
                pagesPerSecond.add(pass.pages / pass.seconds);
                megabytesPerSecond.add(bytes / 1e6 / pass.seconds);
                seconds.add(pass.seconds);
            }
            Corpus corpus = new Corpus(files, warmUp.pages, bytes, warmUp.characters);
            return new Result(corpus, settings, RuntimeBenchmark.Stats.of(pagesPerSecond),
                    RuntimeBenchmark.Stats.of(megabytesPerSecond), RuntimeBenchmark.Stats.of(seconds));
        } finally {
            threads.shutdownNow();
            readers.forEach(IsolatedDocumentReader::close);
        }
    }

    private record Pass(long pages, long characters, double seconds) {
    }

    private static Pass pass(List<Path> files, List<IsolatedDocumentReader> readers, ExecutorService threads, BooleanSupplier cancelled)
            throws DocumentException, InterruptedException {
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
        AtomicLong pages = new AtomicLong();
        AtomicLong characters = new AtomicLong();
        long start = System.nanoTime();
        List<Future<Void>> workers = new ArrayList<>();
        for (IsolatedDocumentReader reader : readers) {
            workers.add(threads.submit(() -> {
                for (Path file = queue.poll(); file != null; file = queue.poll()) {
                    DocumentText text = reader.read(file, ReadOptions.none(), ReadProgress.none(), cancelled);
                    pages.addAndGet(text.pageCount());
                    characters.addAndGet(text.blocks().stream().mapToLong(block -> block.text().length()).sum());
                }
                return null;
            }));
        }
        for (Future<Void> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case DocumentException document -> throw document;
                    case RuntimeException runtime -> throw runtime;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
        return new Pass(pages.get(), characters.get(), (System.nanoTime() - start) / 1e9);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "5 files, 405 pages, 12.3 MB, 1,234,567 characters of text" for the summary line. */
    public static String describe(Corpus corpus) {
        return String.format(Locale.ROOT, "%d files, %d pages, %.1f MB, %,d characters of text",
                corpus.files().size(), corpus.pages(), corpus.bytes() / 1e6, corpus.textCharacters());
    }
}
