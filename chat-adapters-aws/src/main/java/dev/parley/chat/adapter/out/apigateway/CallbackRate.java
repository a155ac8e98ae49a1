package dev.parley.chat.adapter.out.apigateway;

/**
 * The rate API Gateway lets an account call {@code @connections} at (the callbacks that reach clients, not how
 * fast a client may send: that is the domain's {@code MessageRateLimit}): a token bucket holding {@code burst} calls,
 * refilled at {@code perSecond}. Shared by every REST, HTTP, WebSocket and {@code @connections} call of the account
 * in the region, so the publisher paces itself to it instead of learning it from 429s.
 *
 * @param perSecond the sustained rate
 * @param burst     the calls that may go at once after a quiet spell
 */
public record CallbackRate(int perSecond, int burst) {

    /** The default quota of most regions: 10,000 requests per second with a burst of 5,000. */
    public static final CallbackRate ACCOUNT_DEFAULT = new CallbackRate(10_000, 5_000);

    public CallbackRate {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
    }

    /** One of {@code workers} equal shares of this rate and burst (at least 1 each): what each may use alone. */
    public CallbackRate share(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a rate is shared by at least one worker, not " + workers);
        }
        return new CallbackRate(Math.max(1, perSecond / workers), Math.max(1, burst / workers));
    }
}
