package dev.parley.bench.coldstart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One fresh JVM's cold start: from process start to {@code main}, the handler's construction, the SnapStart priming
 * (0 unless asked for), and the first invocation, in nanoseconds; the steps the handler timed itself, if any (the
 * SDK floor's client builds and calls); or why it failed.
 */
record ProbeRun(long jvmNanos, long initNanos, long primeNanos, long invokeNanos, Map<String, Long> stepNanos,
        Optional<String> failureReason) {

    ProbeRun {
        // In the order the handler took them.
        stepNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stepNanos));
    }

    static ProbeRun failed(String reason) {
        return new ProbeRun(0, 0, 0, 0, Map.of(), Optional.of(reason));
    }

    boolean answered() {
        return failureReason.isEmpty();
    }

    String failure() {
        return failureReason.orElse("");
    }

    double jvmMillis() {
        return jvmNanos / 1e6;
    }

    double initMillis() {
        return initNanos / 1e6;
    }

    double primeMillis() {
        return primeNanos / 1e6;
    }

    double invokeMillis() {
        return invokeNanos / 1e6;
    }

    /** From process start to the first answer; with priming, what a cold start without a snapshot would take. */
    double totalMillis() {
        return (jvmNanos + initNanos + primeNanos + invokeNanos) / 1e6;
    }
}
