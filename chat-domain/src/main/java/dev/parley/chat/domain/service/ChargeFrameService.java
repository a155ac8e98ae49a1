package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.FrameCharge;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class ChargeFrameService implements ChargeFrameUseCase {

    /**
     * How often a charge re-reads its sender's allowance after losing the race to take a token. Each lost race means
     * another frame of the same sender took one meanwhile, so running out takes that many of its frames in flight at
     * once: the sender is flooding, and is told to slow down.
     */
    static final int MAX_ATTEMPTS = 10;

    /** Senders refused at once remembered by one instance: far more than flood it at a time, and a bounded map. */
    static final int MAX_REMEMBERED = 10_000;

    private final LimitRegistry limits;
    private final Clock clock;
    private final MessageRateLimit rateLimit;
    /**
     * Until when each sender refused here has no token: tokens refill only with time and other frames only take them,
     * so no frame of a refused sender can be allowed before then, on any instance. Its frames are refused without a
     * read of the store meanwhile, which keeps a flood from costing the store a call per frame.
     */
    private final ConcurrentMap<PresenceKey, Instant> refusedUntil = new ConcurrentHashMap<>();

    public ChargeFrameService(LimitRegistry limits, Clock clock, MessageRateLimit rateLimit) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rate limit");
    }

    @Override
    public FrameCharge charge(ChargeFrameCommand command) {
        PresenceKey sender = command.sender();
        Instant until = refusedUntil.get(sender);
        if (until != null) {
            Instant now = clock.instant();
            if (now.isBefore(until)) {
                return new FrameCharge.RateLimited(Duration.between(now, until));
            }
            refusedUntil.remove(sender, until);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            MessageDecision decision = rateLimit.take(limits.allowance(sender), now);
            if (decision instanceof MessageDecision.Refused refused) {
                remember(sender, now.plus(refused.retryAfter()), now);
                return new FrameCharge.RateLimited(refused.retryAfter());
            }
            var taken = (MessageDecision.Allowed) decision;
            if (limits.takeToken(sender, taken, rateLimit.fullAgainAt(taken.after()))) {
                return new FrameCharge.Charged();
            }
        }
        return new FrameCharge.RateLimited(rateLimit.interval());
    }

    private void remember(PresenceKey sender, Instant until, Instant now) {
        if (refusedUntil.size() >= MAX_REMEMBERED) {
            refusedUntil.values().removeIf(refusal -> !now.isBefore(refusal));
        }
        if (refusedUntil.size() < MAX_REMEMBERED) {
            refusedUntil.put(sender, until);
        }
    }
}
