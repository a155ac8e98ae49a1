package dev.parley.chat.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Whether a sender may send one more frame now, by its {@link MessageRateLimit}. */
public sealed interface MessageDecision permits MessageDecision.Allowed, MessageDecision.Refused {

    /**
     * The frame may go: its token was taken from {@code before}, the allowance the store held (empty: none), which
     * leaves {@code after}. The store applies it only while it still holds {@code before}, so each token is spent once.
     */
    record Allowed(Optional<MessageAllowance> before, MessageAllowance after) implements MessageDecision {
        public Allowed {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The sender is sending too fast: it has a token again after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements MessageDecision {
        public Refused {
            Objects.requireNonNull(retryAfter, "retry after");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retry after must be positive, not " + retryAfter);
            }
        }
    }
}
