package org.hearth.ingest.index;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentReaders;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;

/**
 * Where an index run gets a file's text. The app uses {@link #isolated}, so the index gets the same
 * bounds and the same errors as everything else that reads the user's documents.
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * @throws java.util.concurrent.CancellationException once {@code cancelled} says so
     */
    DocumentText read(Path file, BooleanSupplier cancelled) throws DocumentException;

    /** Through the reader's worker process, without a password (protected files become errors). */
    static DocumentSource isolated(IsolatedDocumentReader reader) {
        return (file, cancelled) -> reader.read(file, ReadOptions.none(), ReadProgress.none(), cancelled);
    }

    /** In this process, without bounds: for tests and tools, not for the user's files in the app. */
    static DocumentSource inProcess() {
        return (file, cancelled) -> DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none());
    }
}
