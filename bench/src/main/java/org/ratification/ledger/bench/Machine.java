package org.ratification.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the results say about the machine: cores, memory, Java, and how loaded it was. */
final class Machine {

    private Machine() {}

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), bench heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return (kb / (1024 * 1024)) + " GiB RAM";
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return "RAM unknown";
    }

    /** Resident set size (VmRSS) and its peak (VmHWM) of a process, in MB, from /proc. */
    static long[] residentMegabytes(long pid) {
        long rss = -1;
        long peak = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return new long[] {rss, peak};
    }
}
