package org.hearth.ingest.index;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.ingest.document.DocumentReaders;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;

/**
 * The process {@link CrashRecoveryTest} kills: indexes a folder, committing every few files and
 * flushing segments after every couple of documents, and reports each commit on stdout. After
 * {@code holdAfter} files it stops inside the next read and says "holding", so the kill always
 * lands with indexed but uncommitted files (and their flushed segments) on disk.
 *
 * <p>Arguments: index folder, documents folder, holdAfter.
 */
final class IndexingChild {

    static final String COLLECTION = "akten";
    static final int COMMIT_EVERY_FILES = 5;

    private IndexingChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path indexDirectory = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        int holdAfter = Integer.parseInt(args[2]);
        IndexSettings settings = new IndexSettings(COMMIT_EVERY_FILES, Duration.ofHours(1), 16, 2);
        SearchIndex index = SearchIndex.open(indexDirectory, Optional.of(new ConceptEmbedder()), settings);
        index.addFolder(COLLECTION, folder);
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        DocumentSource holding = (file, cancelled) -> {
            if (reads.incrementAndGet() > holdAfter) {
                out.println("holding");
                out.flush();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new CancellationException("interrupted");
                }
            }
            return DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none());
        };
        index.index(COLLECTION, holding, new IndexListener() {
            @Override
            public void progress(int done, int total, Path file) {
            }

            @Override
            public void committed(int done, int total) {
                out.println("committed " + done);
                out.flush();
            }
        }, () -> false);
        out.println("finished");
    }
}
