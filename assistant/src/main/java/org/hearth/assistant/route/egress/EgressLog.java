package org.hearth.assistant.route.egress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The append-only, hash-chained record of every request that left the machine ({@code audit/egress.jsonl}). Each
 * line is one JSON object holding the previous line's hash in {@code prev} and, last, its own {@code hash}: the
 * SHA-256 of the line up to that field. Changing, removing or reordering a line breaks the chain at that line;
 * removing lines from the end is caught by {@code egress.head}, which holds the last sequence number and hash.
 *
 * <p>An entry is written and forced to disk before its request is sent: a request that cannot be logged is not
 * sent. Writers in several processes (the window and a CLI run) take a file lock. The log never holds a request's
 * text unless the user turned that on, and never an API key.
 */
public final class EgressLog {

    static final String GENESIS = "0".repeat(64);
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path head;
    private final Clock clock;

    /** @param folder {@code audit/} in Hearth's data folder; created private if missing */
    public EgressLog(Path folder, Clock clock) {
        this.file = folder.resolve("egress.jsonl");
        this.head = folder.resolve("egress.head");
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Records {@code body} as about to be sent; returns the entry. Throws if it cannot be made durable. */
    public synchronized EgressEntry record(EgressRequest request, byte[] body) throws EgressLogException {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Last last = last(channel);
                EgressEntry entry = new EgressEntry(last.sequence() + 1, clock.instant(), request.jobClass(), request.target(),
                        request.host(), request.reason(), body.length, sha256(body), request.placeholders(),
                        request.confirmation(), request.keepText() ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty());
                String withoutHash = JSON.writeValueAsString(toJson(entry, last.hash()));
                String hash = sha256(withoutHash.getBytes(StandardCharsets.UTF_8));
                String line = withoutHash.substring(0, withoutHash.length() - 1) + HASH_FIELD + hash + "\"}\n";
                channel.position(channel.size());
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
                Path next = head.resolveSibling("egress.head.tmp");
                Files.writeString(next, entry.sequence() + " " + hash + "\n", StandardCharsets.US_ASCII);
                Files.move(next, head, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return entry;
            }
        } catch (IOException e) {
            throw new EgressLogException("The egress log " + file + " could not be written (" + e.getMessage() + "); nothing was sent.", e);
        }
    }

    /** Every entry, oldest first. */
    public List<EgressEntry> entries() throws EgressLogException {
        List<EgressEntry> entries = new ArrayList<>();
        for (String line : lines()) {
            try {
                entries.add(fromJson(JSON.readTree(line)));
            } catch (JsonProcessingException e) {
                throw new EgressLogException("The egress log " + file + " has a line that is not an entry; run `hearth audit verify`.", e);
            }
        }
        return entries;
    }

    /** Checks the chain line by line, and the head against the last line. */
    public Verification verify() throws EgressLogException {
        List<String> lines = lines();
        String previous = GENESIS;
        long sequence = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.lastIndexOf(HASH_FIELD);
            if (at < 0 || !line.endsWith("\"}")) {
                return Verification.broken(i, i + 1, "the line has no hash (cut off or edited)");
            }
            String hash = line.substring(at + HASH_FIELD.length(), line.length() - 2);
            String withoutHash = line.substring(0, at) + "}";
            if (!sha256(withoutHash.getBytes(StandardCharsets.UTF_8)).equals(hash)) {
                return Verification.broken(i, i + 1, "the entry was changed after it was written");
            }
            JsonNode entry;
            try {
                entry = JSON.readTree(withoutHash);
            } catch (JsonProcessingException e) {
                return Verification.broken(i, i + 1, "the line is not valid JSON");
            }
            if (!entry.path("prev").asText().equals(previous)) {
                return Verification.broken(i, i + 1, "the entry before it was removed, changed or moved");
            }
            if (entry.path("seq").asLong() != sequence + 1) {
                return Verification.broken(i, i + 1, "entries are missing or out of order before it");
            }
            previous = hash;
            sequence++;
        }
        Optional<String> recordedHead = readHead();
        String expected = sequence + " " + previous;
        if (recordedHead.isPresent() ? !recordedHead.get().equals(expected) : sequence > 0) {
            return Verification.broken(lines.size(), lines.size() + 1, "entries were removed from the end of the log");
        }
        return Verification.intact(lines.size());
    }

    private Optional<String> readHead() throws EgressLogException {
        try {
            return Files.exists(head) ? Optional.of(Files.readString(head, StandardCharsets.US_ASCII).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new EgressLogException("The egress log's head " + head + " could not be read (" + e.getMessage() + ")", e);
        }
    }

    private List<String> lines() throws EgressLogException {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new EgressLogException("The egress log " + file + " could not be read (" + e.getMessage() + ")", e);
        }
    }

    private record Last(long sequence, String hash) {
    }

    /** The last complete line's sequence and hash, read from the end of the file. */
    private static Last last(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Last(0, GENESIS);
        }
        int tail = (int) Math.min(size, 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate(tail);
        channel.read(buffer, size - tail);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new IOException("its last entry is incomplete; check it with `hearth audit verify`");
        }
        String line = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
        int at = line.lastIndexOf(HASH_FIELD);
        if (at < 0) {
            throw new IOException("its last entry has no hash; check it with `hearth audit verify`");
        }
        JsonNode entry = JSON.readTree(line.substring(0, at) + "}");
        return new Last(entry.path("seq").asLong(), line.substring(at + HASH_FIELD.length(), line.length() - 2));
    }

    private static ObjectNode toJson(EgressEntry entry, String previous) {
        return describe(entry).put("prev", previous);
    }

    /** An entry as JSON, as the log line holds it without its chain fields; for listing and export. */
    public static ObjectNode describe(EgressEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", entry.sequence());
        node.put("time", entry.time().toString());
        node.put("job", entry.jobClass());
        node.put("target", entry.target());
        node.put("host", entry.host());
        node.put("reason", entry.reason());
        node.put("bytes", entry.bytes());
        node.put("sha256", entry.bodySha256());
        ObjectNode counts = node.putObject("placeholders");
        new TreeMap<>(entry.placeholders()).forEach(counts::put);
        node.put("confirmation", entry.confirmation());
        entry.text().ifPresent(text -> node.put("text", text));
        return node;
    }

    private static EgressEntry fromJson(JsonNode node) {
        Map<String, Integer> counts = new TreeMap<>();
        node.path("placeholders").properties().forEach(field -> counts.put(field.getKey(), field.getValue().asInt()));
        return new EgressEntry(node.path("seq").asLong(), Instant.parse(node.path("time").asText()), node.path("job").asText(),
                node.path("target").asText(), node.path("host").asText(), node.path("reason").asText(), node.path("bytes").asLong(),
                node.path("sha256").asText(), counts, node.path("confirmation").asText(),
                node.has("text") ? Optional.of(node.get("text").asText()) : Optional.empty());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
