package org.hearth.assistant.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.hearth.assistant.gguf.GgufException;
import org.hearth.assistant.gguf.GgufValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide llama.cpp runtime: loads the native libraries once, picks the compute backend
 * for this CPU (or Metal), routes the native log into SLF4J, and loads models.
 *
 * <p>Thread-safe. Native libraries cannot be unloaded from a JVM, so the runtime lives as long as
 * the process and is not closeable; models and contexts are.
 */
public final class LlamaRuntime {

    /** System property naming the folder with libllama and its ggml libraries. */
    public static final String NATIVES_DIR_PROPERTY = "hearth.natives.dir";
    /** Environment variable consulted when the system property is not set. */
    public static final String NATIVES_DIR_ENV = "HEARTH_NATIVES_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(LlamaRuntime.class);
    private static LlamaRuntime instance;

    private final Path nativesDir;
    private final LlamaLibrary lib;

    private LlamaRuntime(Path nativesDir) {
        this.nativesDir = nativesDir;
        Arena forever = Arena.global();
        this.lib = new LlamaLibrary(NativeLibraries.in(nativesDir), forever);
        LlamaLog.install(lib, forever);
        try (Arena arena = Arena.ofConfined()) {
            lib.llama_backend_init.invokeExact();
            // Without this there is no compute backend: ggml picks the CPU variant (or Metal) at run time.
            lib.ggml_backend_load_all_from_path.invokeExact(arena.allocateFrom(nativesDir.toAbsolutePath().toString()));
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        LOG.info("llama.cpp {} loaded from {}", version(), nativesDir);
    }

    /**
     * The runtime for the natives folder named by {@value #NATIVES_DIR_PROPERTY} or {@value #NATIVES_DIR_ENV},
     * else the one an installer bundled beside the jars.
     */
    public static synchronized LlamaRuntime get() {
        if (instance == null) {
            instance = new LlamaRuntime(configuredNativesDir());
        }
        return instance;
    }

    private static Path configuredNativesDir() {
        Path path = NativesFolder.choose(System.getProperty(NATIVES_DIR_PROPERTY), System.getenv(NATIVES_DIR_ENV),
                        NativesFolder.jarFolder())
                .orElseThrow(() -> new LlamaException("Hearth does not know where the llama.cpp libraries are: start it"
                        + " with ./hearth or the installed app, or set -D" + NATIVES_DIR_PROPERTY + " or " + NATIVES_DIR_ENV + "."));
        if (!Files.isDirectory(path)) {
            throw new LlamaException("The llama.cpp library folder " + path + " does not exist. Build Hearth once"
                    + " (./hearth or ./mvnw verify) to fetch the libraries.");
        }
        return path;
    }

    public Path nativesDir() {
        return nativesDir;
    }

    /** llama.cpp's version string, e.g. {@code 0.4.0-dev}. */
    public String version() {
        try {
            return Native.string((MemorySegment) lib.llama_version.invokeExact());
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The CPU features and backends llama.cpp uses on this machine. */
    public String systemInfo() {
        try {
            return Native.string((MemorySegment) lib.llama_print_system_info.invokeExact());
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Loads a GGUF model after checking it in Java: a malformed file, an unknown architecture or a
     * model without vocabulary would otherwise abort the native code and the whole app with it.
     *
     * @param progress called on this thread with 0..1; returning false cancels the load
     * @throws InvalidModelFileException when the file is not a model Hearth can run
     * @throws CancellationException when {@code progress} returned false
     * @throws LlamaException with llama.cpp's reason when the file cannot be loaded
     */
    public LlamaModel loadModel(Path file, LoadProgress progress) {
        if (!Files.isRegularFile(file)) {
            throw new LlamaException("Model file not found: " + file);
        }
        try {
            GgufValidator.check(file);
        } catch (GgufException e) {
            throw new InvalidModelFileException(e);
        }
        ProgressUpcall upcall = new ProgressUpcall(progress);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.llama_model_default_params.invokeExact((SegmentAllocator) arena);
            MemorySegment stub = LlamaLibrary.linker().upcallStub(
                    MethodHandles.lookup().bind(upcall, "onProgress",
                            MethodType.methodType(boolean.class, float.class, MemorySegment.class)),
                    LlamaLibrary.PROGRESS_CALLBACK, arena);
            Structs.setAddress(params, Structs.MODEL_PARAMS, "progress_callback", stub);
            LlamaLog.clearLastError();
            MemorySegment handle = (MemorySegment) lib.llama_model_load_from_file.invokeExact(
                    arena.allocateFrom(file.toAbsolutePath().toString()), params);
            if (handle.equals(MemorySegment.NULL)) {
                if (upcall.cancelled) {
                    throw new CancellationException("Loading " + file.getFileName() + " was cancelled");
                }
                String reason = LlamaLog.lastError();
                throw new LlamaException("llama.cpp could not load " + file.getFileName()
                        + (reason == null ? "" : ": " + reason));
            }
            return new LlamaModel(lib, handle, file);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Loads a model without progress reporting. */
    public LlamaModel loadModel(Path file) {
        return loadModel(file, fraction -> true);
    }

    LlamaLibrary library() {
        return lib;
    }

    /** Receives model load progress; return false to cancel the load. */
    @FunctionalInterface
    public interface LoadProgress {
        boolean onProgress(float fraction);
    }

    private static final class ProgressUpcall {
        private final LoadProgress progress;
        private boolean cancelled;

        ProgressUpcall(LoadProgress progress) {
            this.progress = progress;
        }

        // Runs inside a native call: an escaping exception would end the JVM, so it cancels instead.
        @SuppressWarnings("unused")
        boolean onProgress(float fraction, MemorySegment userData) {
            try {
                cancelled = !progress.onProgress(fraction);
            } catch (Throwable t) {
                LOG.warn("Model load progress listener failed; cancelling the load", t);
                cancelled = true;
            }
            return !cancelled;
        }
    }
}
