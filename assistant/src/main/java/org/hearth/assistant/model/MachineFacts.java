package org.hearth.assistant.model;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the fit check needs to know about the computer. A plain record so tests can describe any machine.
 *
 * @param totalMemoryBytes     installed memory as the OS reports it
 * @param availableMemoryBytes memory free right now; advisory, since other programs come and go
 * @param os                   the operating system family
 * @param architecture         the CPU architecture
 * @param cpuCores             processor cores for llama.cpp's threads; 0 when unknown
 */
public record MachineFacts(long totalMemoryBytes, long availableMemoryBytes, OperatingSystem os, CpuArchitecture architecture,
                           int cpuCores) {

    public enum OperatingSystem { MAC, WINDOWS, LINUX, OTHER }

    public enum CpuArchitecture { ARM64, X86_64, OTHER }

    public MachineFacts {
        if (totalMemoryBytes <= 0 || availableMemoryBytes < 0 || cpuCores < 0) {
            throw new IllegalArgumentException("memory sizes and core counts must be positive");
        }
    }

    /** A machine whose core count is not known: only memory decides. */
    public MachineFacts(long totalMemoryBytes, long availableMemoryBytes, OperatingSystem os, CpuArchitecture architecture) {
        this(totalMemoryBytes, availableMemoryBytes, os, architecture, 0);
    }

    /** Apple Silicon: the GPU has no memory of its own and runs the model out of the same RAM as every program. */
    public boolean unifiedMemory() {
        return os == OperatingSystem.MAC && architecture == CpuArchitecture.ARM64;
    }

    /** This computer, as the JVM sees it. */
    public static MachineFacts detect() {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineFacts(bean.getTotalMemorySize(), bean.getFreeMemorySize(),
                operatingSystem(System.getProperty("os.name", "")), cpuArchitecture(System.getProperty("os.arch", "")),
                Runtime.getRuntime().availableProcessors());
    }

    static OperatingSystem operatingSystem(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("mac") || name.contains("darwin")) {
            return OperatingSystem.MAC;
        }
        if (name.startsWith("windows")) {
            return OperatingSystem.WINDOWS;
        }
        return name.startsWith("linux") ? OperatingSystem.LINUX : OperatingSystem.OTHER;
    }

    static CpuArchitecture cpuArchitecture(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "aarch64", "arm64" -> CpuArchitecture.ARM64;
            case "amd64", "x86_64", "x64" -> CpuArchitecture.X86_64;
            default -> CpuArchitecture.OTHER;
        };
    }
}
