package org.hearth.ingest.document;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The main class of the worker process {@link IsolatedDocumentReader} starts: reads one request
 * after another from stdin, parses in this process (bounded by -Xmx and the parent's timeout), and
 * streams frames to stdout. Ends when stdin closes or the parent process dies.
 */
final class DocumentWorker {

    private DocumentWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // Parsers that print must not corrupt the framing; stderr goes to the log folder (see WorkerProcess).
        System.setOut(System.err);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(DocumentWorker.class);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> log.error("Uncaught exception in thread {}", thread.getName(), e));
        ProxySelector.setDefault(new NoNetwork());
        log.info("Document worker {} started", ProcessHandle.current().pid());
        Path tempFolder = Path.of(System.getProperty("java.io.tmpdir"));
        // Two watches, because each misses a case: stdin ends when the parent dies, but is not read
        // during a long document; the parent's exit is seen at any time, but a parent that died
        // before this line has no handle here (or the handle is the process that adopted us).
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> end(tempFolder)),
                () -> end(tempFolder));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        while (true) {
            WorkerProtocol.Request request;
            try {
                request = WorkerProtocol.readRequest(in);
            } catch (EOFException parentClosedStdinOrDied) {
                end(tempFolder);
                return;
            }
            serve(request, out);
            TempFolders.empty(tempFolder);
        }
    }

    /**
     * Removes the temp folder and halts: a thread a parser left running must not keep the worker
     * alive, and after a crash of the app nobody else would remove the folder before its next start.
     */
    private static void end(Path tempFolder) {
        TempFolders.delete(tempFolder);
        Runtime.getRuntime().halt(0);
    }

    private static void serve(WorkerProtocol.Request request, DataOutputStream out) throws IOException {
        try {
            int pageCount = DocumentReaders.read(request.file(), request.type(), request.options(), request.maxCharacters(),
                    new FramingSink(out));
            WorkerProtocol.writeDone(out, pageCount);
        } catch (DocumentException e) {
            WorkerProtocol.writeFailed(out, e.kind(), e.getMessage());
        }
        out.flush();
    }

    private record FramingSink(DataOutputStream out) implements DocumentSink {

        @Override
        public void metadata(String key, String value) {
            write(() -> WorkerProtocol.writeMetadata(out, key, value));
        }

        @Override
        public void block(TextBlock block) {
            write(() -> WorkerProtocol.writeBlock(out, block));
        }

        @Override
        public void limitReached(TextLimitReached reached) {
            write(() -> WorkerProtocol.writeLimitReached(out, reached));
        }

        /** Flushed at once so the app's progress bar moves while later pages are parsed. */
        @Override
        public void pages(int done, int total) {
            write(() -> {
                WorkerProtocol.writeProgress(out, done, total);
                out.flush();
            });
        }

        private static void write(IoAction action) {
            try {
                action.run();
            } catch (IOException parentGone) {
                throw new UncheckedIOException(parentGone);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
