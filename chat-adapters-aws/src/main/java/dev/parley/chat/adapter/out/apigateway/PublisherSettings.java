package dev.parley.chat.adapter.out.apigateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link ApiGatewayMessagePublisher} pushes: how many sends of one publish may be in flight, and how a
 * throttled or broken send is retried (exponential backoff with full jitter).
 *
 * @param maxConcurrentSends sends in flight at once, those waiting out a backoff included; the HTTP client needs as
 *                           many connections (see {@link ManagementApiClients})
 * @param maxAttempts        attempts per recipient, the first one included
 * @param baseBackoff        the longest wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff         the longest wait at all
 */
public record PublisherSettings(int maxConcurrentSends, int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    private static final Duration SHORTEST_BACKOFF = Duration.ofMillis(1);
    /** Longer waits outlast API Gateway's 29 s integration timeout: the sender would never see the outcome. */
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(10);

    public PublisherSettings {
        if (maxConcurrentSends < 1) {
            throw new IllegalArgumentException("maxConcurrentSends must be at least 1, was " + maxConcurrentSends);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requireWithinBounds(baseBackoff, "baseBackoff");
        requireWithinBounds(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than baseBackoff (" + baseBackoff + ")");
        }
    }

    /**
     * Sized against API Gateway's account-wide rate of 10,000 requests/s (token bucket, burst 5,000), shared with all
     * other traffic of the region, and about 20 ms per {@code @connections} call:
     * <ul>
     *   <li>256 sends in flight carry up to 256 / 0.020 s = 12,800 sends/s: enough for one broadcast to use the whole
     *       account rate (the SDK's default of 50 connections would stop at 2,500/s, a quarter of it) while
     *       overshooting it by less than a third. The overshoot comes back as 429s, and since a send waiting out its
     *       backoff keeps its permit, the offered rate drops as soon as throttling starts.</li>
     *   <li>A first wait of up to 25 ms is about the time the bucket needs to refill one token per send in flight
     *       (256 / 10,000 per s = 26 ms), so a wave of throttled sends retries over a window the refill can serve.</li>
     *   <li>8 attempts and a 1 s cap: waits of at most 25, 50, 100, 200, 400, 800 and 1,000 ms, 2.6 s in all and
     *       half that on average. That outlasts the overshoot of a burst and gives a slow client's full buffer (also a
     *       429) time to drain, while one stuck recipient holds one of 256 permits for seconds at most.</li>
     * </ul>
     */
    public static PublisherSettings defaults() {
        return new PublisherSettings(256, 8, Duration.ofMillis(25), Duration.ofSeconds(1));
    }

    /** The longest wait after {@code failedAttempts} failed attempts: baseBackoff doubled per further failure, capped. */
    Duration backoffCeiling(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        Duration ceiling = baseBackoff;
        for (int failure = 1; failure < failedAttempts && ceiling.compareTo(maxBackoff) < 0; failure++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxBackoff) < 0 ? ceiling : maxBackoff;
    }

    private static void requireWithinBounds(Duration backoff, String name) {
        Objects.requireNonNull(backoff, name);
        if (backoff.compareTo(SHORTEST_BACKOFF) < 0 || backoff.compareTo(LONGEST_BACKOFF) > 0) {
            throw new IllegalArgumentException(
                    name + " must be between " + SHORTEST_BACKOFF + " and " + LONGEST_BACKOFF + ", was " + backoff);
        }
    }
}
