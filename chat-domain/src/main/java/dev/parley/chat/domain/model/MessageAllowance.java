package dev.parley.chat.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a sender has left of its {@link MessageRateLimit}: {@code tokens} in its bucket as of {@code at}, the time of
 * the frame that last took one. Kept in the limit registry under the sender's {@link PresenceKey}, so every instance of
 * the service, and every connection of a user, sees the same bucket, and a reconnect does not refill it.
 */
public record MessageAllowance(BigDecimal tokens, Instant at) {

    /**
     * Tokens are counted to a millionth: fine enough for any rate, and a plain decimal when stored, which compares
     * exactly (the store's check that nobody took a token meanwhile depends on it).
     */
    public static final int TOKEN_SCALE = 6;

    public MessageAllowance {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(at, "at");
        if (tokens.signum() < 0) {
            throw new IllegalArgumentException("a send allowance cannot hold fewer than 0 tokens, not " + tokens);
        }
        // One scale for every allowance, so one read back from the store equals the one written.
        tokens = tokens.setScale(TOKEN_SCALE, RoundingMode.FLOOR);
    }
}
