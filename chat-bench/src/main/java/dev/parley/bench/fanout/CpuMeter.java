package dev.parley.bench.fanout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process, split between the local gateway's threads (the emulated API Gateway, which on AWS runs on
 * someone else's machine) and everything else (the publisher: the SDK, the CRT client, the use case). On a busy
 * machine these say more than wall-clock times: they do not grow when another process takes the cores.
 */
final class CpuMeter {

    /** Threads whose name starts with this belong to the gateway (Jetty's pool and its timers). */
    private static final String GATEWAY_THREADS = "gateway";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The CPU used so far. */
    Reading read() {
        Map<Long, Long> gateway = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(GATEWAY_THREADS)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    gateway.put(info.getThreadId(), cpu);
                }
            }
        }
        return new Reading(os.getProcessCpuTime(), gateway);
    }

    /** CPU used up to one moment: the whole process, and each gateway thread by id. */
    record Reading(long processNanos, Map<Long, Long> gatewayThreadNanos) {

        /** The CPU used from {@code earlier} to this reading: {publisher, gateway} in nanoseconds. */
        long[] since(Reading earlier) {
            long gateway = 0;
            for (Map.Entry<Long, Long> thread : gatewayThreadNanos.entrySet()) {
                gateway += thread.getValue() - earlier.gatewayThreadNanos.getOrDefault(thread.getKey(), 0L);
            }
            long process = processNanos - earlier.processNanos;
            return new long[] {process - gateway, gateway};
        }
    }
}
