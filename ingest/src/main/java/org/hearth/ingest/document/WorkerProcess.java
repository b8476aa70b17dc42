package org.hearth.ingest.document;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hearth.ingest.process.ChildProcesses;

/**
 * One worker JVM ({@link DocumentWorker}) with its private temp folder: the current {@code java},
 * the current class path, a heap limit, and nothing about the document on its command line.
 * A daemon thread turns the worker's stdout into {@link WorkerFrame}s.
 */
final class WorkerProcess implements AutoCloseable {

    private static final Duration GRACEFUL_EXIT = Duration.ofSeconds(2);
    /** Set by the app to its log folder (the same property the app's log configuration reads). */
    static final String LOG_DIR_PROPERTY = "hearth.log.dir";
    static final String LOG_FILE = "document-worker.log";
    /** A log past this size starts over, so a long-running install does not fill the disk. */
    private static final long MAX_LOG_BYTES = 10L << 20;

    private final Process process;
    private final Path tempFolder;
    private final DataOutputStream requests;
    private final BlockingQueue<WorkerFrame> frames = new LinkedBlockingQueue<>();
    /** The current request's; read by the frame pump, which only reads frames of one request at a time. */
    private volatile TextBudget budget = new TextBudget(0);

    private WorkerProcess(Process process, Path tempFolder) {
        this.process = process;
        this.tempFolder = tempFolder;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        Thread.ofPlatform().daemon().name("hearth-document-worker-" + process.pid()).start(this::pumpFrames);
    }

    static WorkerProcess start(int heapMegabytes) throws IOException {
        return start(heapMegabytes, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Starts a worker whose temp folder is in {@code tempRoot}, first removing those of apps that died. */
    static WorkerProcess start(int heapMegabytes, Path tempRoot) throws IOException {
        TempFolders.removeAbandoned(tempRoot);
        // createTempDirectory makes it readable by this user only, which matters: parsers spill
        // decoded document streams here.
        Path tempFolder = TempFolders.createOwned(tempRoot);
        try {
            Path argFile = writeArgFile(tempFolder.resolve("worker.args"));
            Process process = ChildProcesses.builder(command(heapMegabytes, tempFolder, argFile))
                    .redirectError(errorLog())
                    .start();
            return new WorkerProcess(process, tempFolder);
        } catch (IOException | RuntimeException e) {
            TempFolders.delete(tempFolder);
            throw e;
        }
    }

    /**
     * The worker's stderr (its log and the parsers' warnings) goes to the app's log folder, which is
     * private to the user like the documents themselves; without one (a library caller) it is dropped.
     */
    private static ProcessBuilder.Redirect errorLog() throws IOException {
        String folder = System.getProperty(LOG_DIR_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return ProcessBuilder.Redirect.DISCARD;
        }
        Path log = Files.createDirectories(Path.of(folder)).resolve(LOG_FILE);
        boolean full = Files.exists(log) && Files.size(log) > MAX_LOG_BYTES;
        return full ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile());
    }

    static List<String> command(int heapMegabytes, Path tempFolder, Path argFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + heapMegabytes + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // HotSpot prints its own messages ("Terminating due to java.lang.OutOfMemoryError") to stdout,
        // which would land in the middle of the framing
        command.add("-XX:+DisplayVMOutputToStderr");
        // one GC thread and no parallel heap sizing: two workers share two cores with the app
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + tempFolder);
        // OCR: JavaCPP's log goes where the worker's goes, and it may load Tesseract's natives
        command.add("-Dorg.bytedeco.javacpp.logger=slf4j");
        command.add("--enable-native-access=ALL-UNNAMED");
        // logback, when the caller has it: the worker logs to stderr, never to the app's own log file
        command.add("-Dlogback.configurationFile=org/hearth/ingest/document/worker-logback.xml");
        command.add("@" + argFile);
        command.add(DocumentWorker.class.getName());
        return command;
    }

    /**
     * The class path goes into a Java argument file: on the command line it can pass Windows' limit
     * of 32k characters, and Linux shows only the first 4,096 bytes of a command line, which would
     * hide the main class behind a long Maven or install path. The launcher reads the file in the
     * platform's native encoding; inside quotes a backslash escapes, so Windows paths double theirs.
     */
    private static Path writeArgFile(Path argFile) throws IOException {
        String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
        Charset nativeEncoding = Charset.forName(System.getProperty("native.encoding"), Charset.defaultCharset());
        return Files.writeString(argFile, "-cp\n\"" + classPath + "\"\n", nativeEncoding);
    }

    /**
     * The {@code java} running this process. In a jpackage'd app the process command is the app's
     * own launcher, which would start the app again; then the runtime's bin/java is used instead.
     */
    static String javaExecutable() {
        String fallback = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ProcessHandle.current().info().command()
                .filter(command -> {
                    Path name = Path.of(command).getFileName();
                    return name != null && name.toString().matches("(?i)javaw?(\\.exe)?");
                })
                .orElse(fallback);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void send(WorkerProtocol.Request request) throws IOException {
        budget = new TextBudget(request.maxCharacters());
        WorkerProtocol.writeRequest(requests, request);
    }

    /** The next frame, or null when none arrived within {@code timeout}. */
    WorkerFrame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void pumpFrames() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            while (true) {
                frames.add(WorkerProtocol.readFrame(in, () -> budget));
                if (budget.passedUnreported()) {
                    frames.add(new WorkerFrame.LimitPassed());
                }
            }
        } catch (EOFException exited) {
            // the worker is ending; killing it now would hide its exit code (3: out of memory)
        } catch (IOException outOfStep) {
            // a stream that is out of step cannot be trusted with the next document
            process.destroyForcibly();
        }
        frames.add(new WorkerFrame.Exited(exitCode()));
    }

    private int exitCode() {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // only this daemon thread waits here; nobody else interrupts it
            }
        }
    }

    /** Ends the worker at once, e.g. on timeout or cancellation, and removes its temp files. */
    void kill() {
        process.destroyForcibly();
        awaitExit(GRACEFUL_EXIT);
        TempFolders.delete(tempFolder);
    }

    /** Lets the worker finish by closing its stdin; kills it if it does not. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // the worker has exited; nothing to tell it
        }
        if (!awaitExit(GRACEFUL_EXIT)) {
            process.destroyForcibly();
            awaitExit(GRACEFUL_EXIT);
        }
        TempFolders.delete(tempFolder);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
