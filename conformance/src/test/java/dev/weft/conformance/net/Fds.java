package dev.weft.conformance.net;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Counts the process's open file descriptors: /proc/self/fd on Linux, else the JDK's Unix MXBean. */
final class Fds {
    private Fds() {
    }

    static long open() {
        String[] entries = new File("/proc/self/fd").list();
        if (entries != null) {
            return entries.length - 1;   // listing the directory opens one fd of its own
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getOpenFileDescriptorCount();
        }
        throw new org.opentest4j.TestAbortedException("cannot count open file descriptors on this system");
    }

    /** The limit on open file descriptors, or -1 if unknown. */
    static long max() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        }
        return -1;
    }
}
