package org.hearth.ingest.document;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.domain.Locator;

/**
 * The worker's wire format, plain {@link DataOutputStream} values so both ends need nothing but the
 * JDK. Parent → worker (stdin): one request per document, the password included, so it never
 * appears on a command line. Worker → parent (stdout): frames of one tag byte and their fields,
 * ending each document with DONE or FAILED.
 */
final class WorkerProtocol {

    /** A worker running out of heap exits with this code (-XX:+ExitOnOutOfMemoryError). */
    static final int OUT_OF_MEMORY_EXIT_CODE = 3;

    private static final byte PROGRESS = 1;
    private static final byte METADATA = 2;
    private static final byte BLOCK = 3;
    private static final byte DONE = 4;
    private static final byte FAILED = 5;
    private static final byte LIMIT_REACHED = 6;
    /**
     * Far above any path, metadata value (the worker cuts those to 10,000 characters) or message; a
     * larger length means the stream is out of step. Block text is bounded by the request's limit.
     */
    private static final int MAX_STRING_BYTES = 1024 * 1024;
    /** UTF-8 takes at most three bytes per UTF-16 unit (four for a pair of them). */
    private static final int MAX_UTF8_BYTES_PER_CHAR = 3;

    /** @param maxCharacters the most text the worker sends for this document */
    record Request(Path file, DocumentType type, ReadOptions options, int maxCharacters) {
    }

    private WorkerProtocol() {
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        writeString(out, request.file().toString());
        out.writeByte(request.type().ordinal());
        out.writeInt(request.maxCharacters());
        Optional<String> password = request.options().password();
        out.writeBoolean(password.isPresent());
        if (password.isPresent()) {
            writeString(out, password.get());
        }
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        Path file = Path.of(readString(in));
        DocumentType type = enumValue(DocumentType.values(), in.readUnsignedByte());
        int maxCharacters = in.readInt();
        Optional<String> password = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
        return new Request(file, type, new ReadOptions(password), maxCharacters);
    }

    static void writeProgress(DataOutputStream out, int done, int total) throws IOException {
        out.writeByte(PROGRESS);
        out.writeInt(done);
        out.writeInt(total);
    }

    static void writeMetadata(DataOutputStream out, String key, String value) throws IOException {
        out.writeByte(METADATA);
        writeString(out, key);
        writeString(out, value);
    }

    static void writeBlock(DataOutputStream out, TextBlock block) throws IOException {
        out.writeByte(BLOCK);
        writeString(out, block.text());
        out.writeByte(block.locator().unit().ordinal());
        out.writeInt(block.locator().from());
        out.writeInt(block.locator().to());
        out.writeByte(block.kind().ordinal());
        out.writeBoolean(block.ocr());
    }

    static void writeDone(DataOutputStream out, int pageCount) throws IOException {
        out.writeByte(DONE);
        out.writeInt(pageCount);
    }

    static void writeLimitReached(DataOutputStream out, TextLimitReached reached) throws IOException {
        out.writeByte(LIMIT_REACHED);
        out.writeByte(reached.unit().ordinal());
        out.writeInt(reached.lastRead());
        out.writeInt(reached.total());
        out.writeInt(reached.maxCharacters());
    }

    static void writeFailed(DataOutputStream out, DocumentException.Kind kind, String message) throws IOException {
        out.writeByte(FAILED);
        out.writeByte(kind.ordinal());
        writeString(out, message);
    }

    /**
     * The next frame; EOFException when the worker has gone. Block text beyond what the current
     * request's budget has left is skipped without being held in memory, whatever the worker sends.
     * The budget is asked for only once a frame has arrived: while this waits, the next request may be sent.
     */
    static WorkerFrame readFrame(DataInputStream in, Supplier<TextBudget> budget) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case PROGRESS -> new WorkerFrame.Progress(in.readInt(), in.readInt());
            case METADATA -> new WorkerFrame.Metadata(readString(in), readString(in));
            case BLOCK -> {
                String text = readBlockText(in, budget.get());
                Locator.Unit unit = enumValue(Locator.Unit.values(), in.readUnsignedByte());
                Locator locator = new Locator(unit, in.readInt(), in.readInt());
                BlockKind kind = enumValue(BlockKind.values(), in.readUnsignedByte());
                yield new WorkerFrame.Block(new TextBlock(text, locator, kind, in.readBoolean()));
            }
            case LIMIT_REACHED -> {
                Locator.Unit unit = enumValue(Locator.Unit.values(), in.readUnsignedByte());
                yield new WorkerFrame.LimitReached(new TextLimitReached(unit, in.readInt(), in.readInt(), in.readInt()));
            }
            case DONE -> new WorkerFrame.Done(in.readInt());
            case FAILED -> new WorkerFrame.Failed(enumValue(DocumentException.Kind.values(), in.readUnsignedByte()), readString(in));
            default -> throw new ProtocolException("unknown frame tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readBlockText(DataInputStream in, TextBudget budget) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new ProtocolException("block length out of range: " + length);
        }
        int room = budget.remaining();
        int wanted = (int) Math.min(length, (long) room * MAX_UTF8_BYTES_PER_CHAR);
        // a cut inside a multi-byte character decodes to one replacement character, which the cut below removes
        String text = new String(in.readNBytes(wanted), StandardCharsets.UTF_8);
        in.skipNBytes(length - wanted);
        String kept = TextCut.prefix(text, room);
        budget.take(kept.length(), kept.length() < text.length() || wanted < length);
        return kept;
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new ProtocolException("string length out of range: " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static <E extends Enum<E>> E enumValue(E[] values, int ordinal) throws ProtocolException {
        if (ordinal >= values.length) {
            throw new ProtocolException("unknown " + values[0].getDeclaringClass().getSimpleName() + " " + ordinal);
        }
        return values[ordinal];
    }
}
