package org.hearth.ui.common;

/** Sizes for the bundles' number patterns, which print them with the locale's decimal separator. */
public final class Units {

    private static final double GIGABYTE = 1024.0 * 1024 * 1024;
    private static final double MEGABYTE = 1024.0 * 1024;
    private static final double KILOBYTE = 1024.0;

    private Units() {
    }

    public static double gigabytes(long bytes) {
        return bytes / GIGABYTE;
    }

    public static double megabytes(double bytes) {
        return bytes / MEGABYTE;
    }

    public static double kilobytes(long bytes) {
        return bytes / KILOBYTE;
    }
}
