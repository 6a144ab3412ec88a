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

    /**
     * Counts the descriptors of sockets, pipes and the kernel's anonymous objects (a selector's epoll and eventfd):
     * what the network code opens. Files are left out, because the JVM opens some of its own for a moment at any time
     * (its container support reads cgroup files when the GC sizes the heap), which a count of every descriptor can
     * catch. Where there is no /proc/self/fd, counts every descriptor.
     */
    static long openIo() {
        File[] entries = new File("/proc/self/fd").listFiles();
        if (entries == null) {
            return open();
        }
        long io = 0;
        for (File entry : entries) {
            try {
                String target = java.nio.file.Files.readSymbolicLink(entry.toPath()).toString();
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    io++;
                }
            } catch (java.io.IOException closedMeanwhile) {
                // the listing's own descriptor, or a file closed since: not a socket of ours
            }
        }
        return io;
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
