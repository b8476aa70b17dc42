package org.hearth.assistant.engine.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A response body read line by line on the caller's thread, with a timeout for each wait and a cancel check
 * while waiting: a blocking InputStream offers neither. Lines are cut at {@code \n} before decoding, so a
 * multi-byte character split across network reads is decoded whole. {@link #close()} cancels the subscription,
 * which makes the HTTP client drop the connection: the server sees the client go away.
 */
final class BodyLines implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {

    /** How often a wait looks at the cancel flag; short enough that cancelling feels immediate. */
    private static final long CANCEL_CHECK_MILLIS = 20;
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private byte[] buffer = new byte[8192];
    private int length;
    private boolean ended;

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        given.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    /**
     * The next line without its line end, or empty at the end of the body.
     *
     * @throws TimeoutException      when nothing arrived for {@code timeout}
     * @throws CancellationException when {@code cancelled} became true while waiting
     * @throws IOException           when the connection broke
     */
    Optional<String> next(Duration timeout, BooleanSupplier cancelled) throws IOException, TimeoutException {
        while (true) {
            int newline = indexOfNewline();
            if (newline >= 0) {
                int end = newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                String line = new String(buffer, 0, end, StandardCharsets.UTF_8);
                System.arraycopy(buffer, newline + 1, buffer, 0, length - newline - 1);
                length -= newline + 1;
                return Optional.of(line);
            }
            if (ended) {
                String rest = new String(buffer, 0, length, StandardCharsets.UTF_8);
                length = 0;
                return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
            }
            take(timeout, cancelled);
        }
    }

    /** Up to {@code maxChars} of what is left of the body, e.g. an error's JSON. */
    String rest(Duration timeout, BooleanSupplier cancelled, int maxChars) throws IOException, TimeoutException {
        StringBuilder text = new StringBuilder();
        for (Optional<String> line = next(timeout, cancelled); line.isPresent() && text.length() < maxChars;
             line = next(timeout, cancelled)) {
            text.append(line.get()).append('\n');
        }
        return text.length() > maxChars ? text.substring(0, maxChars) : text.toString().strip();
    }

    @Override
    public void close() {
        Flow.Subscription given = subscription;
        if (given != null && !ended) {
            given.cancel();
        }
    }

    private void take(Duration timeout, BooleanSupplier cancelled) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object item;
        try {
            while ((item = arrived.poll(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        }
        switch (item) {
            case List<?> buffers -> {
                for (Object piece : buffers) {
                    append((ByteBuffer) piece);
                }
                subscription.request(1);
            }
            case IOException failure -> throw failure;
            case Throwable failure -> throw new IOException(failure);
            default -> ended = true;
        }
    }

    private void append(ByteBuffer piece) {
        if (length + piece.remaining() > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + piece.remaining()));
        }
        int count = piece.remaining();
        piece.get(buffer, length, count);
        length += count;
    }

    private int indexOfNewline() {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
