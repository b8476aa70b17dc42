/**
 * The typed Java binding to llama.cpp's C API (libllama) through the FFM API. The only package that touches {@code java.lang.foreign}: every native pointer is owned by an {@link java.lang.AutoCloseable} here, and nothing outside sees a {@code MemorySegment}.
 */
package org.hearth.assistant.llama;
