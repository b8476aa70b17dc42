package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The app stand-in that {@link WorkerLifetimeTest} kills: reads one document through an
 * {@link IsolatedDocumentReader}, so a warm worker is running, says "worker &lt;pid&gt;" on stdout and
 * waits to be killed. Argument: the document.
 */
final class ReaderParent {

    private ReaderParent() {
    }

    public static void main(String[] args) throws Exception {
        IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
        reader.read(Path.of(args[0]), ReadOptions.none(), ReadProgress.none(), () -> false);
        System.out.println("worker " + reader.workerProcess().orElseThrow().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
