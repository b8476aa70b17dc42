package org.hearth.assistant.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a download is.
 *
 * @param bytesDone       bytes on disk, including a prefix kept from an earlier attempt
 * @param totalBytes      the file's size as the hub publishes it
 * @param bytesPerSecond  average speed of this attempt so far
 * @param remaining       estimated time left, empty until a speed is known
 */
public record DownloadProgress(long bytesDone, long totalBytes, double bytesPerSecond, Optional<Duration> remaining) {

    /** Done as a fraction from 0 to 1. */
    public double fraction() {
        return totalBytes == 0 ? 1.0 : (double) bytesDone / totalBytes;
    }
}
