package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.FrameCharge;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

public final class ChargeFrameService implements ChargeFrameUseCase {

    /**
     * How often a charge re-reads its sender's allowance after losing the race to take a token. Each lost race means
     * another frame of the same sender took one meanwhile, so running out takes that many of its frames in flight at
     * once: the sender is flooding, and is told to slow down.
     */
    static final int MAX_ATTEMPTS = 10;

    private final LimitRegistry limits;
    private final Clock clock;
    private final MessageRateLimit rateLimit;

    public ChargeFrameService(LimitRegistry limits, Clock clock, MessageRateLimit rateLimit) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rate limit");
    }

    @Override
    public FrameCharge charge(ChargeFrameCommand command) {
        PresenceKey sender = command.sender();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            MessageDecision decision = rateLimit.take(limits.allowance(sender), now);
            if (decision instanceof MessageDecision.Refused refused) {
                return new FrameCharge.RateLimited(refused.retryAfter());
            }
            var taken = (MessageDecision.Allowed) decision;
            if (limits.takeToken(sender, taken, rateLimit.fullAgainAt(taken.after()))) {
                return new FrameCharge.Charged();
            }
        }
        return new FrameCharge.RateLimited(rateLimit.interval());
    }
}
