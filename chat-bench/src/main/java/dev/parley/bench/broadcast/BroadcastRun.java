package dev.parley.bench.broadcast;

import dev.parley.bench.fanout.FanOut;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.local.gateway.VirtualConnections;

/**
 * One measured broadcast.
 *
 * @param fanOut the use case (reading the registry, sending, and recording the audit trail), its publish, and what
 *               the endpoint answered
 * @param tally  the copies the {@code @connections} endpoint counted per recipient
 */
record BroadcastRun(FanOut<BroadcastReport> fanOut, VirtualConnections.Tally tally) {

    /** Every recipient got exactly one copy, each 429 was followed by a retry, and nothing failed. */
    boolean lossless(int recipients) {
        BroadcastReport report = fanOut.result();
        return report.delivered() == recipients && report.failed() == 0 && report.gone() == 0
                && tally.exactlyOneEach() && tally.connections() == recipients
                && fanOut.everyThrottledRetried(recipients);
    }
}
