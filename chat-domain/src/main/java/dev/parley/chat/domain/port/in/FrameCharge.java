package dev.parley.chat.domain.port.in;

import java.time.Duration;
import java.util.Objects;

/** Whether a frame may be handled, its token taken from its sender's allowance. */
public sealed interface FrameCharge permits FrameCharge.Charged, FrameCharge.RateLimited {

    /** The token is taken: the frame goes on to be handled. */
    record Charged() implements FrameCharge {}

    /** The sender is over its rate: the frame is answered only with that, and may be sent again after {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements FrameCharge {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retry after");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retry after must be positive, not " + retryAfter);
            }
        }
    }
}
