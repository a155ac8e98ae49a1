package dev.parley.chat.adapter.out.apigateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link ApiGatewayMessagePublisher} pushes: how many sends of one publish may be in flight, the rate it
 * paces them to, and how a throttled or broken send is retried (exponential backoff with full jitter).
 *
 * @param maxConcurrentSends sends in flight at once, those waiting out a backoff included; the HTTP client needs as
 *                           many connections (see {@link ManagementApiClients})
 * @param maxAttempts        attempts per recipient, the first one included
 * @param baseBackoff        the longest wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff         the longest wait at all
 * @param callbackRate       the account's {@code @connections} rate, which every attempt is paced to
 */
public record PublisherSettings(
        int maxConcurrentSends, int maxAttempts, Duration baseBackoff, Duration maxBackoff, CallbackRate callbackRate) {

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
        Objects.requireNonNull(callbackRate, "callbackRate");
    }

    /**
     * Sized to reach the floor API Gateway's account-wide token bucket sets (10,000 requests/s, burst 5,000, shared
     * with all other traffic of the region) at about 20 ms per {@code @connections} call (ADR 0003):
     * <ul>
     *   <li>Every attempt is paced to {@link CallbackRate#ACCOUNT_DEFAULT}: the burst at once, then one send per 100 µs.
     *       Sends that would only come back as 429s are not made, and no token of the bucket goes unused waiting out
     *       a random backoff.</li>
     *   <li>512 sends in flight carry up to 512 / 0.020 s = 25,600 sends/s: the 5,000 burst goes in a fifth of a
     *       second, and 10,000/s still flow at calls of up to 50 ms. (The SDK's default of 50 connections would stop
     *       at 2,500/s.) The pacer, not the concurrency, holds the rate.</li>
     *   <li>A first wait of up to 25 ms, doubling, capped at 1 s, for 8 attempts (2.6 s in all at most): a 429 despite
     *       the pacing means other traffic shares the bucket or the client's buffer is full, and both pass in that
     *       time; one stuck recipient holds one of 512 permits for seconds at most.</li>
     * </ul>
     */
    public static PublisherSettings defaults() {
        return new PublisherSettings(512, 8, Duration.ofMillis(25), Duration.ofSeconds(1), CallbackRate.ACCOUNT_DEFAULT);
    }

    /**
     * These settings, paced to {@code rate} instead: where the region's quota is lower (2,500/s, burst 1,250 in some
     * regions), or where other APIs of the account share it.
     */
    public PublisherSettings withCallbackRate(CallbackRate rate) {
        return new PublisherSettings(maxConcurrentSends, maxAttempts, baseBackoff, maxBackoff, rate);
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
