package dev.parley.local.gateway;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Errors {@code @connections} answers instead of sending, to chosen connections: how tests show what Parley does when
 * API Gateway says a connection is gone (410), throttles it (429) or fails (500). Only sends (POST) are affected.
 * Connection ids exist only once clients have connected, so faults are added while the gateway runs, and are safe to
 * add from any thread.
 */
public final class CallbackFaults {

    /** An error answer, with the {@code x-amzn-ErrorType} API Gateway gives it. */
    public enum Fault {
        /** 410: no such connection. */
        GONE(410, "GoneException", "Gone: the connection is no longer there (injected)"),
        /** 429: the account's rate, or the client's buffer, is exhausted. */
        THROTTLED(429, "LimitExceededException", "Rate exceeded (injected)"),
        /** 500: API Gateway failed. */
        INTERNAL_ERROR(500, "InternalServerErrorException", "Internal server error (injected)");

        private final int status;
        private final String errorType;
        private final String message;

        Fault(int status, String errorType, String message) {
            this.status = status;
            this.errorType = errorType;
            this.message = message;
        }

        int status() {
            return status;
        }

        String errorType() {
            return errorType;
        }

        String message() {
            return message;
        }
    }

    private final Map<String, Queue<Fault>> nextFaults = new ConcurrentHashMap<>();
    private final Map<String, Fault> lastingFaults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();

    /** The next sends to {@code connectionId} are answered with these faults, one each, in order; later ones normally. */
    public CallbackFaults failNext(String connectionId, Fault... faults) {
        Objects.requireNonNull(connectionId, "connection id");
        Arrays.stream(faults).forEach(fault -> Objects.requireNonNull(fault, "fault"));
        Queue<Fault> queue = nextFaults.computeIfAbsent(connectionId, id -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(Arrays.asList(faults));
        }
        return this;
    }

    /** Every later send to {@code connectionId} is answered with {@code fault}. */
    public CallbackFaults failAlways(String connectionId, Fault fault) {
        lastingFaults.put(Objects.requireNonNull(connectionId, "connection id"), Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** How many sends to {@code connectionId} were answered with a fault so far. */
    public long injected(String connectionId) {
        LongAdder count = injected.get(connectionId);
        return count == null ? 0 : count.sum();
    }

    /** The fault to answer this send to {@code connectionId} with, if any: taken, and counted. */
    Optional<Fault> take(String connectionId) {
        Optional<Fault> fault = Optional.ofNullable(lastingFaults.get(connectionId)).or(() -> next(connectionId));
        fault.ifPresent(taken -> injected.computeIfAbsent(connectionId, id -> new LongAdder()).increment());
        return fault;
    }

    private Optional<Fault> next(String connectionId) {
        Queue<Fault> queue = nextFaults.get(connectionId);
        if (queue == null) {
            return Optional.empty();
        }
        synchronized (queue) {
            return Optional.ofNullable(queue.poll());
        }
    }
}
