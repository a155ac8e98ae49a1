package dev.parley.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many cores this JVM has and how busy the machine is, for a report to say where its figures came from. */
public final class Machine {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Machine() {}

    /** Such as {@code 2 cores, load average 0.52 0.31 0.20}. */
    public static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage();
    }

    /** The 1-, 5- and 15-minute load averages (Linux), or the 1-minute one the JVM knows elsewhere. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException notLinux) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
