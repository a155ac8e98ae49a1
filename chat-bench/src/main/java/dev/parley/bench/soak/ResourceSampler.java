package dev.parley.bench.soak;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.parley.bench.ProcessReadings;
import dev.parley.bench.load.ChatRoom;
import dev.parley.bench.load.CpuTime;
import dev.parley.bench.load.LatencySummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Takes {@link ResourceSample}s of a running {@link ChatRoom}, adding each interval's latencies to the total. Called
 * from one thread at a time.
 */
final class ResourceSampler {

    private static final long UNKNOWN = -1;

    private final ChatRoom room;
    private final Optional<ProcessHandle> dynalite;
    private final Histogram allLatencies = new Histogram(3);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private CpuTime cpuBefore;
    private long nanosBefore;

    ResourceSampler(ChatRoom room) {
        this.room = room;
        this.dynalite = room.dynalite();
        this.cpuBefore = CpuTime.now(dynalite);
        this.nanosBefore = System.nanoTime();
    }

    /** Collects the garbage first: what is left is what the JVM holds on to. */
    ResourceSample sample(Duration elapsed) {
        System.gc();
        Histogram interval = room.traffic().deliveryLatencySinceLastCall();
        allLatencies.add(interval);
        CpuTime cpu = CpuTime.now(dynalite);
        long now = System.nanoTime();
        CpuTime used = cpu.since(cpuBefore);
        double wallNanos = Math.max(1, now - nanosBefore);
        cpuBefore = cpu;
        nanosBefore = now;
        return new ResourceSample(elapsed, memory.getHeapMemoryUsage().getUsed(), threads.getThreadCount(),
                os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : UNKNOWN,
                room.target().openConnections(), dynaliteRssKb(), room.received(), LatencySummary.of(interval),
                100 * used.jvm().toNanos() / wallNanos, 100 * used.dynalite().toNanos() / wallNanos);
    }

    /** Every delivery latency sampled so far. */
    LatencySummary allLatencies() {
        return LatencySummary.of(allLatencies);
    }

    /** {@code VmRSS} (Linux); -1 elsewhere or once dynalite is gone. */
    private long dynaliteRssKb() {
        return dynalite.map(process -> ProcessReadings.rssKb(process.pid())).orElse(ProcessReadings.UNKNOWN);
    }
}
