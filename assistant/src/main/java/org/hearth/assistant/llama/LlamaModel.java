package org.hearth.assistant.llama;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A loaded GGUF model: its weights, vocabulary and chat template.
 *
 * <p>Thread-safe: one model is shared by all jobs; each concurrent job makes its own
 * {@link LlamaContext}. Every native call on the model or its vocabulary holds the read side of a
 * lifetime lock, so jobs tokenize in parallel while {@link #close()}, which takes the write side,
 * waits for them: a model freed under a running call would be a crash, not an exception.
 * {@link #close()} closes the model's open contexts first, because llama.cpp contexts must not
 * outlive their model.
 */
public final class LlamaModel implements AutoCloseable {

    private final LlamaLibrary lib;
    private final Path file;
    private final Set<LlamaContext> openContexts = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock lifetime = new ReentrantReadWriteLock();
    private boolean closing;
    // volatile so isClosed() need not queue behind a close() that waits for running calls
    private volatile MemorySegment handle;
    private final MemorySegment vocab;
    private final ModelInfo info;

    LlamaModel(LlamaLibrary lib, MemorySegment handle, Path file) {
        this.lib = lib;
        this.handle = handle;
        this.file = file;
        try {
            this.vocab = (MemorySegment) lib.llama_model_get_vocab.invokeExact(handle);
            this.info = new ModelInfo(
                    describe(handle),
                    (int) lib.llama_model_n_ctx_train.invokeExact(handle),
                    (int) lib.llama_model_n_embd.invokeExact(handle),
                    (int) lib.llama_model_n_layer.invokeExact(handle),
                    (int) lib.llama_vocab_n_tokens.invokeExact(vocab),
                    (long) lib.llama_model_n_params.invokeExact(handle),
                    (long) lib.llama_model_size.invokeExact(handle),
                    Optional.ofNullable(Native.string((MemorySegment) lib.llama_model_chat_template.invokeExact(handle, MemorySegment.NULL))));
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private String describe(MemorySegment model) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            int n = (int) lib.llama_model_desc.invokeExact(model, buf, 256L);
            return n < 0 ? "" : buf.getString(0);
        }
    }

    public Path file() {
        return file;
    }

    public ModelInfo info() {
        return info;
    }

    /** A metadata value of the GGUF file as text, e.g. {@code general.architecture}. */
    public Optional<String> metadata(String key) {
        return whileOpen((model, vocab) -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(1024);
                int n = (int) lib.llama_model_meta_val_str.invokeExact(model, arena.allocateFrom(key), buf, 1024L);
                return n < 0 ? Optional.<String>empty() : Optional.of(buf.getString(0));
            }
        });
    }

    /**
     * Splits text into tokens.
     *
     * @param addSpecial   add the model's BOS token etc. where it wants them
     * @param parseSpecial treat control-token text such as {@code <|im_start|>} as the control token;
     *                     never set this for untrusted text (a mail could forge a chat turn)
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return whileOpen((model, vocab) -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment textSeg = arena.allocate(Math.max(1, utf8.length));
                MemorySegment.copy(utf8, 0, textSeg, JAVA_BYTE, 0, utf8.length);
                int capacity = utf8.length + 8;
                MemorySegment out = arena.allocate(JAVA_INT, capacity);
                int n = (int) lib.llama_tokenize.invokeExact(vocab, textSeg, utf8.length, out, capacity, addSpecial, parseSpecial);
                if (n < 0) {
                    capacity = -n;
                    out = arena.allocate(JAVA_INT, capacity);
                    n = (int) lib.llama_tokenize.invokeExact(vocab, textSeg, utf8.length, out, capacity, addSpecial, parseSpecial);
                }
                if (n < 0) {
                    throw new LlamaException("The text could not be tokenized (" + utf8.length + " bytes)");
                }
                return out.asSlice(0, (long) n * Integer.BYTES).toArray(JAVA_INT);
            }
        });
    }

    /** The bytes a token stands for; several tokens may be needed to form one UTF-8 character. */
    public byte[] tokenBytes(int token) {
        return whileOpen((model, vocab) -> {
            try (Arena arena = Arena.ofConfined()) {
                int capacity = 64;
                MemorySegment buf = arena.allocate(capacity);
                int n = (int) lib.llama_token_to_piece.invokeExact(vocab, token, buf, capacity, 0, false);
                if (n < 0) {
                    capacity = -n;
                    buf = arena.allocate(capacity);
                    n = (int) lib.llama_token_to_piece.invokeExact(vocab, token, buf, capacity, 0, false);
                }
                return buf.asSlice(0, Math.max(0, n)).toArray(JAVA_BYTE);
            }
        });
    }

    /** The text of a token sequence, without control tokens. */
    public String detokenize(int[] tokens) {
        TokenTextDecoder decoder = new TokenTextDecoder(this);
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(decoder.next(token));
        }
        return text.append(decoder.finish()).toString();
    }

    /** True for end-of-generation tokens (EOS, end of turn). */
    public boolean isEndOfGeneration(int token) {
        return whileOpen((model, vocab) -> (boolean) lib.llama_vocab_is_eog.invokeExact(vocab, token));
    }

    /**
     * Renders a conversation with the model's own chat template.
     *
     * @param addAssistantStart end with the opening of the assistant's turn, ready for generation
     */
    public String applyChatTemplate(List<ChatMessage> messages, boolean addAssistantStart) {
        String template = info.chatTemplate().orElseThrow(() ->
                new LlamaException(file.getFileName() + " has no chat template"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment chat = arena.allocate(Structs.CHAT_MESSAGE, messages.size());
            long stride = Structs.CHAT_MESSAGE.byteSize();
            int totalChars = 0;
            for (int i = 0; i < messages.size(); i++) {
                MemorySegment message = chat.asSlice(i * stride, stride);
                Structs.setAddress(message, Structs.CHAT_MESSAGE, "role", arena.allocateFrom(messages.get(i).role().wireName()));
                Structs.setAddress(message, Structs.CHAT_MESSAGE, "content", arena.allocateFrom(messages.get(i).content()));
                totalChars += messages.get(i).content().length();
            }
            MemorySegment tmpl = arena.allocateFrom(template);
            int capacity = totalChars * 2 + 256;
            MemorySegment buf = arena.allocate(capacity);
            int n = (int) lib.llama_chat_apply_template.invokeExact(tmpl, chat, (long) messages.size(), addAssistantStart, buf, capacity);
            if (n > capacity) {
                capacity = n;
                buf = arena.allocate(capacity);
                n = (int) lib.llama_chat_apply_template.invokeExact(tmpl, chat, (long) messages.size(), addAssistantStart, buf, capacity);
            }
            if (n < 0) {
                throw new LlamaException("llama.cpp does not support the chat template of " + file.getFileName());
            }
            return new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Creates an inference context; each concurrent job needs its own. */
    public LlamaContext newContext(ContextOptions options) {
        return whileOpen((model, vocab) -> {
            if (closing) {
                throw new IllegalStateException("The model " + file.getFileName() + " is closing");
            }
            LlamaContext context = new LlamaContext(this, lib, model, options);
            openContexts.add(context);
            return context;
        });
    }

    void contextClosed(LlamaContext context) {
        openContexts.remove(context);
    }

    /** True once {@link #close()} has freed the model; a model in use is never freed under its caller. */
    public boolean isClosed() {
        return handle == null;
    }

    /**
     * Runs a native call with the model and vocabulary pointers, holding the read side of the
     * lifetime lock so {@link #close()} cannot free them during the call.
     *
     * @throws IllegalStateException when the model is closed
     */
    <T> T whileOpen(NativeCall<T> call) {
        Lock read = lifetime.readLock();
        read.lock();
        try {
            if (handle == null) {
                throw new IllegalStateException("The model " + file.getFileName() + " is closed");
            }
            return call.apply(handle, vocab);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            read.unlock();
        }
    }

    /** Closes the open contexts, then frees the model once no call is using it. Safe to call more than once. */
    @Override
    public void close() {
        Lock write = lifetime.writeLock();
        write.lock();
        try {
            if (handle == null) {
                return;
            }
            // From here no new context can join the set copied below.
            closing = true;
        } finally {
            write.unlock();
        }
        // Outside the lock: a context's close waits for its running decode, which needs no model lock.
        List.copyOf(openContexts).forEach(LlamaContext::close);
        write.lock();
        try {
            if (handle == null) {
                return;
            }
            try {
                lib.llama_model_free.invokeExact(handle);
            } catch (Throwable t) {
                throw Native.rethrow(t);
            } finally {
                handle = null;
            }
        } finally {
            write.unlock();
        }
    }

    @FunctionalInterface
    interface NativeCall<T> {
        T apply(MemorySegment model, MemorySegment vocab) throws Throwable;
    }
}
