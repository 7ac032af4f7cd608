package io.apogee.store;

import java.lang.management.ManagementFactory;

/** The machine's physical memory, for the "is this read still in the page cache" estimate. */
final class PhysicalMemory {
    /** Used when the JVM cannot tell (RocketMQ assumes the same). */
    private static final long FALLBACK = 24L * 1024 * 1024 * 1024;

    private PhysicalMemory() {
    }

    static long total() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return FALLBACK;
    }
}
