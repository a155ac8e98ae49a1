package dev.parley.chat.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fast one sender may send frames: a token bucket that holds at most {@code burst} tokens and refills at
 * {@code perSecond} tokens a second. A sender is a user, all of their connections together, or an anonymous connection
 * (the same parties as a {@link PresenceKey}). Each frame takes one token, whatever it holds and whether or not it is
 * answered; a sender that has not sent yet, or not for long enough, has a full bucket. Over any stretch of time a sender
 * gets at most {@code burst + perSecond × elapsed} frames through.
 *
 * <p>The arithmetic is exact decimal, and every rounding is in the limit's favour (refills round down, waits round
 * up), so the bound above holds to the last message.
 */
public record MessageRateLimit(double perSecond, int burst) {

    public static final double MIN_PER_SECOND = 0.001;
    public static final double MAX_PER_SECOND = 1_000_000;
    public static final int MAX_BURST = 1_000_000;

    private static final BigDecimal ONE_TOKEN = BigDecimal.ONE;
    private static final int NANOS_DIGITS = 9;

    /** Ten messages a second, twenty at once: more than anyone types, far less than a script floods. */
    public static final MessageRateLimit DEFAULT = new MessageRateLimit(10, 20);

    public MessageRateLimit {
        requireValidRate(perSecond);
        requireValidBurst(burst);
    }

    /** The rate when it is one a limit can have, so configuration can name the setting that is wrong. */
    public static double requireValidRate(double perSecond) {
        if (!(perSecond >= MIN_PER_SECOND && perSecond <= MAX_PER_SECOND)) {
            throw new IllegalArgumentException("the send rate must be " + MIN_PER_SECOND + " to " + (long) MAX_PER_SECOND
                    + " messages a second, not " + perSecond);
        }
        return perSecond;
    }

    /** The burst when it is one a limit can have, so configuration can name the setting that is wrong. */
    public static int requireValidBurst(int burst) {
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("the send burst must be 1 to " + MAX_BURST + " messages, not " + burst);
        }
        return burst;
    }

    /**
     * Takes the token for one frame sent at {@code now} from what the sender has left ({@code current}, empty when it
     * has not sent yet).
     */
    public MessageDecision take(Optional<MessageAllowance> current, Instant now) {
        MessageAllowance available = current.map(allowance -> refilled(allowance, now)).orElseGet(() -> full(now));
        if (available.tokens().compareTo(ONE_TOKEN) >= 0) {
            return new MessageDecision.Allowed(current,
                    new MessageAllowance(available.tokens().subtract(ONE_TOKEN), available.at()));
        }
        return new MessageDecision.Refused(timeToRefill(ONE_TOKEN.subtract(available.tokens())));
    }

    /** How long one token takes to refill: the steady spacing of messages at this rate. */
    public Duration interval() {
        return timeToRefill(ONE_TOKEN);
    }

    /**
     * When {@code allowance} will have refilled to a full bucket, which an allowance never stored holds too: from then
     * on it can be forgotten (the store's time to live).
     */
    public Instant fullAgainAt(MessageAllowance allowance) {
        return allowance.at().plus(timeToRefill(BigDecimal.valueOf(burst).subtract(allowance.tokens())));
    }

    /** A full bucket. */
    MessageAllowance full(Instant at) {
        return new MessageAllowance(BigDecimal.valueOf(burst), at);
    }

    /**
     * The allowance at {@code now}: refilled for the time since its {@code at}, never beyond the burst. A clock behind
     * the allowance's time (another instance's, slightly off) refills nothing and moves nothing back, so no stretch
     * of time is ever counted twice.
     */
    MessageAllowance refilled(MessageAllowance allowance, Instant now) {
        if (!now.isAfter(allowance.at())) {
            return allowance;
        }
        Duration elapsed = Duration.between(allowance.at(), now);
        BigDecimal seconds = BigDecimal.valueOf(elapsed.getSeconds()).add(BigDecimal.valueOf(elapsed.getNano(), NANOS_DIGITS));
        BigDecimal refill = rate().multiply(seconds).setScale(MessageAllowance.TOKEN_SCALE, RoundingMode.FLOOR);
        return new MessageAllowance(allowance.tokens().add(refill).min(BigDecimal.valueOf(burst)), now);
    }

    private Duration timeToRefill(BigDecimal tokens) {
        BigDecimal nanos = tokens.movePointRight(NANOS_DIGITS).divide(rate(), 0, RoundingMode.CEILING);
        return Duration.ofNanos(nanos.longValueExact());
    }

    private BigDecimal rate() {
        return BigDecimal.valueOf(perSecond);
    }
}
