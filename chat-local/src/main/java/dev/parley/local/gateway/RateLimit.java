package dev.parley.local.gateway;

/**
 * A token bucket for the {@code @connections} calls: {@code burst} calls at once, refilled at {@code perSecond};
 * calls beyond it are answered 429.
 *
 * @param perSecond the sustained rate
 * @param burst the bucket's size
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        TokenBucket.requireValid(perSecond, burst);
    }

    /** AWS's proportions: a burst of half the rate (5,000 for 10,000 per second). */
    public static RateLimit withDefaultBurst(double perSecond) {
        return new RateLimit(perSecond, (int) Math.max(1, Math.ceil(perSecond / 2)));
    }
}
