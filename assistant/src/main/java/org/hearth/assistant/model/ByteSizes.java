package org.hearth.assistant.model;

import java.util.Locale;

/**
 * Sizes as people read them. Binary gigabytes labelled "GB", as Windows and the memory figures of every OS show them,
 * so "16 GB memory" matches what the machine's own settings say.
 */
final class ByteSizes {

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    private ByteSizes() {
    }

    /** One decimal, e.g. "2.4 GB" or "2,4 GB" depending on the locale. */
    static String gigabytes(long bytes, Locale locale) {
        return String.format(locale, "%.1f GB", (double) bytes / GIB);
    }

    /** Whole gigabytes, rounded down so "leaves 9 GB" never promises more than there is. */
    static long wholeGigabytesDown(long bytes) {
        return Math.max(0, bytes) / GIB;
    }

    /** Whole gigabytes, rounded to nearest, for a machine's installed memory (15.8 GB usable reads as 16). */
    static long wholeGigabytesNearest(long bytes) {
        return Math.round((double) bytes / GIB);
    }
}
