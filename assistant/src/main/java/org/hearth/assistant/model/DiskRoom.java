package org.hearth.assistant.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Whether a folder's disk can take a file, kept apart so downloads and imports refuse with the same words. */
final class DiskRoom {

    /** Kept free beyond the file itself, so a finished download or import does not leave the disk full. */
    static final long MARGIN_BYTES = 512 * ByteSizes.MIB;

    private DiskRoom() {
    }

    /** Empty if {@code fileBytes} plus the margin fit; otherwise a message stating needed and available space. */
    static Optional<String> shortage(DiskSpaceProbe disk, Path folder, long fileBytes) throws IOException {
        long needed = fileBytes + MARGIN_BYTES;
        long available = disk.usableBytes(folder);
        if (available >= needed) {
            return Optional.empty();
        }
        return Optional.of("Not enough free disk space: Hearth needs " + ByteSizes.gigabytes(needed, Locale.ENGLISH)
                + " but only " + ByteSizes.gigabytes(available, Locale.ENGLISH)
                + " are free. Free up some space and try again.");
    }
}
