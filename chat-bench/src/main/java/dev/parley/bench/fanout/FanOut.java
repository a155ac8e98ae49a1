package dev.parley.bench.fanout;

import java.time.Duration;

/**
 * One use case timed by {@link ThrottledCallbacks#measure}, with what the {@code @connections} endpoint saw of it.
 *
 * @param result         what the use case returned
 * @param elapsed        the whole use case
 * @param firstRecipient from the start of the use case until the publisher got its first recipient from the registry
 *                       (the first Query page read and mapped): no send starts before
 * @param publish        its publish: reading the recipients and sending to them (the fan-out)
 * @param posts          the POSTs the endpoint answered, retries included
 * @param throttled      the POSTs it answered 429
 * @param publisherCpu   the CPU time of everything but the gateway while publishing (the publisher, the registry's
 *                       reads)
 * @param gatewayCpu     the CPU time of the gateway's threads while publishing
 */
public record FanOut<T>(T result, Duration elapsed, Duration firstRecipient, Duration publish, long posts,
        long throttled, Duration publisherCpu, Duration gatewayCpu) {

    /** The endpoint answered one POST per recipient and one more per 429: every 429 was retried, nothing else was. */
    public boolean everyThrottledRetried(int recipients) {
        return posts == recipients + throttled;
    }

    /** CPU per POST of both sides: on two shared cores, this explains a figure off the floor. */
    public String cpuPerPost() {
        return String.format("CPU per POST while publishing: publisher %.0f us, gateway %.0f us",
                publisherCpu.toNanos() / 1e3 / posts, gatewayCpu.toNanos() / 1e3 / posts);
    }
}
