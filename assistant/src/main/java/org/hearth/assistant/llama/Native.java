package org.hearth.assistant.llama;

import java.lang.foreign.MemorySegment;

/** Small helpers for calling downcall handles, whose signature throws {@link Throwable}. */
final class Native {

    private Native() {
    }

    /** Rethrows what a downcall threw; downcalls themselves throw only JVM errors. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        throw new LlamaException("Unexpected failure calling llama.cpp", t);
    }

    /** A C string returned by llama.cpp, or null for NULL. */
    static String string(MemorySegment cString) {
        if (cString.equals(MemorySegment.NULL)) {
            return null;
        }
        return cString.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
