package org.hearth.assistant.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes llama.cpp's and ggml's log into SLF4J (logger {@code llama.cpp}). llama.cpp writes a
 * line in pieces (level CONT continues the previous one), possibly from several threads, so
 * pieces are collected per thread until a newline. The last error line of a thread is kept
 * because a failed load returns only NULL; the reason is in the log.
 */
final class LlamaLog {

    private static final Logger LOG = LoggerFactory.getLogger("llama.cpp");
    private static final int LEVEL_DEBUG = 1;
    private static final int LEVEL_INFO = 2;
    private static final int LEVEL_WARN = 3;
    private static final int LEVEL_ERROR = 4;
    private static final int LEVEL_CONT = 5;

    private static final ThreadLocal<StringBuilder> PENDING = ThreadLocal.withInitial(StringBuilder::new);
    private static final ThreadLocal<int[]> PENDING_LEVEL = ThreadLocal.withInitial(() -> new int[] {LEVEL_INFO});
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

    private LlamaLog() {
    }

    static void install(LlamaLibrary lib, Arena arena) {
        try {
            MemorySegment stub = LlamaLibrary.linker().upcallStub(
                    MethodHandles.lookup().findStatic(LlamaLog.class, "onLog",
                            MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class)),
                    LlamaLibrary.LOG_CALLBACK, arena);
            lib.llama_log_set.invokeExact(stub, MemorySegment.NULL);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Clears the calling thread's last error before an operation whose failure we want to explain. */
    static void clearLastError() {
        LAST_ERROR.remove();
    }

    /** The last error llama.cpp logged on this thread since {@link #clearLastError()}, or null. */
    static String lastError() {
        return LAST_ERROR.get();
    }

    // An exception escaping an upcall would terminate the JVM, so nothing may be thrown here.
    @SuppressWarnings("unused")
    private static void onLog(int level, MemorySegment text, MemorySegment userData) {
        try {
            String piece = Native.string(text);
            if (piece == null) {
                return;
            }
            StringBuilder pending = PENDING.get();
            if (level != LEVEL_CONT) {
                PENDING_LEVEL.get()[0] = level;
            }
            pending.append(piece);
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                emit(PENDING_LEVEL.get()[0], pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
        } catch (Throwable ignored) {
            // losing a log line is better than losing the process
        }
    }

    private static void emit(int level, String line) {
        if (line.isBlank()) {
            return;
        }
        switch (level) {
            case LEVEL_ERROR -> {
                LAST_ERROR.set(line.strip());
                LOG.error(line);
            }
            case LEVEL_WARN -> LOG.warn(line);
            case LEVEL_INFO -> LOG.debug(line); // llama.cpp is chatty at INFO: keep Hearth's INFO log for Hearth
            case LEVEL_DEBUG -> LOG.trace(line);
            default -> LOG.debug(line);
        }
    }
}
