package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the kernel says of a process (Linux {@code /proc}): resident memory, open descriptors and their limit. */
public final class ProcessReadings {

    /** What the readings below answer when they cannot tell: not Linux, or the process is gone. */
    public static final long UNKNOWN = -1;

    private ProcessReadings() {}

    /** {@code VmRSS} from {@code /proc/<pid>/status}, in KiB. */
    public static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(UNKNOWN);
        } catch (IOException gone) {
            return UNKNOWN;
        }
    }

    /** The entries of {@code /proc/<pid>/fd}: the descriptors the process has open. */
    public static long openDescriptors(long pid) {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return entries.count();
        } catch (IOException gone) {
            return UNKNOWN;
        }
    }

    /** {@code Max open files} (the soft limit) from {@code /proc/<pid>/limits}. */
    public static long descriptorLimit(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line -> Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]))
                    .findFirst().orElse(UNKNOWN);
        } catch (IOException | NumberFormatException unknown) {
            return UNKNOWN;
        }
    }
}
