package org.hearth.assistant.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads catalog models into the models folder, and only when asked to.
 *
 * <p>Bytes go to {@code <file>.part} next to the final file. A later call resumes with an HTTP {@code Range} request
 * from the end of that partial file; a server that ignores the range gets a fresh start. Before any file byte is
 * requested, the disk must hold the rest of the file plus a margin. The finished file must match the SHA-256 the hub
 * publishes, hashed over the whole file including a resumed prefix; only then is it moved into place, atomically, so
 * the models folder never holds a half-written model under its real name. A damaged file is deleted.
 *
 * <p>{@link #download} blocks; run it on a background thread and stop it with a {@link DownloadCancellation}.
 */
public final class ModelDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);

    private static final int CHUNK_BYTES = 1 << 16;
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    /** At most five reports a second: enough for a progress bar, few enough not to flood the UI thread. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

    private final HuggingFaceHub hub;
    private final Path modelsFolder;
    private final DiskSpaceProbe disk;
    private final Duration progressInterval;

    public ModelDownloader(HuggingFaceHub hub, Path modelsFolder, DiskSpaceProbe disk) {
        this(hub, modelsFolder, disk, PROGRESS_INTERVAL);
    }

    /** With {@code progressInterval} zero every chunk is reported, which lets tests act at a known point. */
    ModelDownloader(HuggingFaceHub hub, Path modelsFolder, DiskSpaceProbe disk, Duration progressInterval) {
        this.hub = hub;
        this.modelsFolder = modelsFolder;
        this.disk = disk;
        this.progressInterval = progressInterval;
    }

    /** Where the model lives once downloaded. */
    public Path targetFile(CatalogModel model) {
        return modelsFolder.resolve(model.fileName());
    }

    /** Where an unfinished download of the model is kept. */
    public Path partialFile(CatalogModel model) {
        return modelsFolder.resolve(model.fileName() + ".part");
    }

    /** Bytes an earlier, unfinished download left behind, so the UI can offer to resume. */
    public long partialBytes(CatalogModel model) {
        return sizeOrZero(partialFile(model));
    }

    /**
     * Downloads the model, resuming an earlier partial download, and returns the verified file. Returns at once,
     * without asking the network, if the model is already in the models folder.
     */
    public Path download(CatalogModel model, DownloadListener listener, DownloadCancellation cancellation) throws DownloadException {
        Path target = targetFile(model);
        if (Files.isRegularFile(target)) {
            return target;
        }
        requireNotCancelled(cancellation);
        createModelsFolder();
        HubFile remote = hub.describe(model.hubRepository(), model.fileName());
        Path part = partialFile(model);
        long kept = sizeOrZero(part);
        if (kept > remote.sizeBytes()) {
            deleteQuietly(part);
            kept = 0;
        }
        requireDiskSpace(remote.sizeBytes() - kept);
        requireNotCancelled(cancellation);

        MessageDigest digest = sha256();
        hashPrefix(part, kept, digest);
        LOG.info("Downloading {} from {}: {} bytes, {} already on disk", model.fileName(), hub.host(), remote.sizeBytes(), kept);
        if (kept < remote.sizeBytes()) {
            fetchRest(remote, part, kept, digest, listener, cancellation);
        }
        verify(digest, remote, part, model);
        moveIntoPlace(part, target);
        LOG.info("Downloaded and verified {}", model.fileName());
        return target;
    }

    private void fetchRest(HubFile remote, Path part, long kept, MessageDigest digest,
                           DownloadListener listener, DownloadCancellation cancellation) throws DownloadException {
        HttpResponse<InputStream> response = hub.open(remote, kept);
        try (InputStream body = response.body()) {
            cancellation.watch(body);
            long offset = startOfBody(response, kept, part);
            if (offset == 0 && kept > 0) {
                LOG.info("{} ignored the resume request; starting {} from the beginning", hub.host(), part.getFileName());
                digest.reset();
            }
            ProgressMeter meter = new ProgressMeter(listener, offset, remote.sizeBytes(), progressInterval.toNanos());
            copyBody(body, part, offset, remote.sizeBytes(), digest, meter, cancellation);
        } catch (IOException closing) {
            // closing a response we have read to the end, or already abandoned, has nothing left to report
            LOG.debug("Closing the download response failed", closing);
        } finally {
            cancellation.unwatch();
        }
    }

    /** Where the response's body starts in the file: the resume point, or 0 when the server sends everything. */
    private long startOfBody(HttpResponse<?> response, long kept, Path part) throws DownloadException {
        int status = response.statusCode();
        if (status == 200) {
            return 0;
        }
        if (status == 206) {
            Optional<Long> start = response.headers().firstValue("Content-Range")
                    .map(CONTENT_RANGE_START::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> Long.parseLong(matcher.group(1)));
            if (start.isPresent() && start.get() == kept) {
                return kept;
            }
            deleteQuietly(part);
            throw new DownloadException(DownloadException.Reason.HUB_ANSWER,
                    hub.host() + " sent a different part of the file than asked for. Try again; the download will start over.");
        }
        throw new DownloadException(DownloadException.Reason.HUB_ANSWER,
                hub.host() + " answered with an error (HTTP " + status + "). Try again later.");
    }

    private void copyBody(InputStream body, Path part, long offset, long total, MessageDigest digest,
                          ProgressMeter meter, DownloadCancellation cancellation) throws DownloadException {
        long done = offset;
        boolean tooLong = false;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[CHUNK_BYTES];
            meter.report(done);
            for (int read = readChunk(body, buffer, cancellation); read >= 0; read = readChunk(body, buffer, cancellation)) {
                if (done + read > total) {
                    tooLong = true;
                    break;
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                done += read;
                meter.maybeReport(done);
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.FILE_SYSTEM,
                    "Hearth could not write the download to " + modelsFolder + ": " + e.getMessage(), e);
        }
        if (tooLong) {
            deleteQuietly(part);
            throw new DownloadException(DownloadException.Reason.HUB_ANSWER,
                    hub.host() + " sent more data than the file holds. Try again; the download will start over.");
        }
        meter.report(done);
        if (done < total) {
            throw new DownloadException(DownloadException.Reason.NETWORK,
                    "The connection to " + hub.host() + " ended early. Try again later; the download continues where it stopped.");
        }
    }

    /** Reads one chunk; a read that fails because the user cancelled reports the cancellation, not a network error. */
    private int readChunk(InputStream body, byte[] buffer, DownloadCancellation cancellation) throws DownloadException {
        requireNotCancelled(cancellation);
        try {
            int read = body.read(buffer);
            requireNotCancelled(cancellation);
            return read;
        } catch (IOException e) {
            requireNotCancelled(cancellation);
            throw hub.brokenConnection(e);
        }
    }

    private void verify(MessageDigest digest, HubFile remote, Path part, CatalogModel model) throws DownloadException {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(remote.sha256())) {
            deleteQuietly(part);
            LOG.warn("Checksum mismatch for {}: expected {}, got {}; deleted the file", model.fileName(), remote.sha256(), actual);
            throw new DownloadException(DownloadException.Reason.CHECKSUM_MISMATCH,
                    "The downloaded file " + model.fileName() + " is damaged: its checksum does not match the one "
                            + hub.host() + " publishes. Hearth deleted it; please download it again.");
        }
    }

    private void requireDiskSpace(long remainingBytes) throws DownloadException {
        Optional<String> shortage;
        try {
            shortage = DiskRoom.shortage(disk, modelsFolder, remainingBytes);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.FILE_SYSTEM,
                    "Hearth could not find out how much room is left on the disk of " + modelsFolder + ".", e);
        }
        if (shortage.isPresent()) {
            throw new DownloadException(DownloadException.Reason.NOT_ENOUGH_DISK, shortage.get());
        }
    }

    private void hashPrefix(Path part, long length, MessageDigest digest) throws DownloadException {
        if (length == 0) {
            return;
        }
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[CHUNK_BYTES];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the partial file shrank while it was read");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.FILE_SYSTEM,
                    "Hearth could not read the unfinished download " + part + ": " + e.getMessage(), e);
        }
    }

    private void moveIntoPlace(Path part, Path target) throws DownloadException {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.FILE_SYSTEM,
                    "Hearth could not move the finished download into " + modelsFolder + ": " + e.getMessage(), e);
        }
    }

    private void createModelsFolder() throws DownloadException {
        try {
            Files.createDirectories(modelsFolder);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.FILE_SYSTEM,
                    "Hearth could not create the models folder " + modelsFolder + ": " + e.getMessage(), e);
        }
    }

    private static void requireNotCancelled(DownloadCancellation cancellation) throws DownloadException {
        if (cancellation.isCancelled()) {
            throw new DownloadException(DownloadException.Reason.CANCELLED,
                    "The download was paused. It continues where it stopped when you start it again.");
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Turns byte counts into progress reports with speed and time left, one per interval at most. */
    private static final class ProgressMeter {

        private final DownloadListener listener;
        private final long startBytes;
        private final long totalBytes;
        private final long intervalNanos;
        private final long startNanos = System.nanoTime();
        private long lastReportNanos = startNanos;

        ProgressMeter(DownloadListener listener, long startBytes, long totalBytes, long intervalNanos) {
            this.listener = listener;
            this.startBytes = startBytes;
            this.totalBytes = totalBytes;
            this.intervalNanos = intervalNanos;
        }

        void maybeReport(long done) {
            if (System.nanoTime() - lastReportNanos >= intervalNanos) {
                report(done);
            }
        }

        void report(long done) {
            long now = System.nanoTime();
            lastReportNanos = now;
            double seconds = (now - startNanos) / 1e9;
            double speed = seconds > 0 ? (done - startBytes) / seconds : 0;
            Optional<Duration> remaining = speed > 0
                    ? Optional.of(Duration.ofSeconds((long) Math.ceil((totalBytes - done) / speed)))
                    : Optional.empty();
            listener.onProgress(new DownloadProgress(done, totalBytes, speed, remaining));
        }
    }
}
