package dev.parley.chat.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Whether a connection may send one more message now, by its {@link MessageRateLimit}. */
public sealed interface MessageDecision permits MessageDecision.Allowed, MessageDecision.Refused {

    /**
     * The message may go: its token was taken from {@code before}, the allowance the connection's record held (empty:
     * none yet), which leaves {@code after}. Recording it is {@link ConnectionRecord#recordMessage}.
     */
    record Allowed(Optional<MessageAllowance> before, MessageAllowance after) implements MessageDecision {
        public Allowed {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The connection is sending too fast: it has a token again after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements MessageDecision {
        public Refused {
            Objects.requireNonNull(retryAfter, "retry after");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retry after must be positive, not " + retryAfter);
            }
        }
    }
}
