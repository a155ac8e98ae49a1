package dev.parley.bench.broadcast;

import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.local.gateway.VirtualConnections;
import java.time.Duration;

/**
 * One measured broadcast.
 *
 * @param elapsed     the whole use case: reading the registry, sending, and recording the audit trail
 * @param publish     reading the registry and sending (the fan-out)
 * @param report      what the use case reported
 * @param tally       the copies the {@code @connections} endpoint counted per recipient
 * @param posts       the POSTs the endpoint answered, retries included
 * @param throttled   the POSTs it answered 429
 * @param publisherCpu the CPU time of everything but the gateway while publishing (the publisher, the registry's reads)
 * @param gatewayCpu  the CPU time of the gateway's threads while publishing
 */
record BroadcastRun(Duration elapsed, Duration publish, BroadcastReport report, VirtualConnections.Tally tally,
        long posts, long throttled, Duration publisherCpu, Duration gatewayCpu) {

    /** Every recipient got exactly one copy, each 429 was followed by a retry, and nothing failed. */
    boolean lossless(int recipients) {
        return report.delivered() == recipients && report.failed() == 0 && report.gone() == 0
                && tally.exactlyOneEach() && tally.connections() == recipients
                && posts == recipients + throttled;
    }
}
