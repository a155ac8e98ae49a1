package dev.parley.local.gateway;

/**
 * The throttle on the {@code @connections} calls, as API Gateway's account-wide throttle: a token bucket of
 * {@code burst} calls at once, refilled at {@code perSecond}; calls beyond it are answered 429. Not the domain's
 * per-connection {@code MessageRateLimit}, nor the publisher's own pacing.
 *
 * @param perSecond the sustained rate
 * @param burst the bucket's size
 */
public record CallbackThrottle(double perSecond, int burst) {

    public CallbackThrottle {
        TokenBucket.requireValid(perSecond, burst);
    }

    /** AWS's proportions: a burst of half the rate (5,000 for 10,000 per second). */
    public static CallbackThrottle withDefaultBurst(double perSecond) {
        return new CallbackThrottle(perSecond, (int) Math.max(1, Math.ceil(perSecond / 2)));
    }
}
