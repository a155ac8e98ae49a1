package dev.parley.chat.domain.model;

import java.time.Duration;
import java.util.Objects;

/** Whether a connection may send one more message now, by its {@link SendRateLimit}. */
public sealed interface SendDecision permits SendDecision.Allowed, SendDecision.Refused {

    /** The message may go; {@code after} is what the connection has left once it has. */
    record Allowed(SendAllowance after) implements SendDecision {
        public Allowed {
            Objects.requireNonNull(after, "after");
        }
    }

    /** The connection is sending too fast: it has a token again after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements SendDecision {
        public Refused {
            Objects.requireNonNull(retryAfter, "retry after");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retry after must be positive, not " + retryAfter);
            }
        }
    }
}
