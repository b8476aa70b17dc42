package org.hearth.ingest.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;

/** Reads in process and remembers which files were read, to tell what an index run really parsed. */
final class CountingSource implements DocumentSource {

    private final List<Path> read = new ArrayList<>();

    @Override
    public synchronized DocumentText read(Path file, BooleanSupplier cancelled) throws DocumentException {
        read.add(file);
        return DocumentSource.inProcess().read(file, cancelled);
    }

    synchronized List<Path> read() {
        return List.copyOf(read);
    }

    synchronized void reset() {
        read.clear();
    }
}
