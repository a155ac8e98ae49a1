package dev.parley.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/** CPU time used so far by this JVM (gateway, handlers and clients alike) and by the dynalite process. */
public record CpuTime(Duration jvm, Duration dynalite) {

    public static CpuTime now(Optional<ProcessHandle> dynalite) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(Duration.ofNanos(os.getProcessCpuTime()),
                dynalite.flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO));
    }

    /** What was used between {@code earlier} and this. */
    public CpuTime since(CpuTime earlier) {
        return new CpuTime(jvm.minus(earlier.jvm), dynalite.minus(earlier.dynalite));
    }
}
