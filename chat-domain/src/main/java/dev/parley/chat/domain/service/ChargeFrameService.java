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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

public final class ChargeFrameService implements ChargeFrameUseCase {

    /**
     * How often a charge re-reads its sender's allowance after losing the race to take a token. Each lost race means
     * another frame of the same sender took one meanwhile, so running out takes that many of its frames in flight at
     * once: the sender is flooding, and is told to slow down.
     */
    static final int MAX_ATTEMPTS = 10;

    /** Senders refused at once remembered by one instance: far more than flood it at a time, and a bounded map. */
    static final int MAX_REMEMBERED = 10_000;

    private static final int CHARGE_LOCKS = 64;

    private final LimitRegistry limits;
    private final Clock clock;
    private final MessageRateLimit rateLimit;
    /**
     * Until when each sender refused here has no token: tokens refill only with time and other frames only take them,
     * so no frame of a refused sender can be allowed before then, on any instance. Its frames are refused without a
     * read of the store meanwhile, which keeps a flood from costing the store a call per frame.
     */
    private final ConcurrentMap<PresenceKey, Instant> refusedUntil = new ConcurrentHashMap<>();
    /**
     * Where one instance serves several frames at once (chat-local, a server), a sender's frames are charged one at a
     * time: concurrent ones would all read the same allowance and race for its one token, a store read and a write
     * each, and a flood of thousands a second turned into as many store calls the moment a token refills. In line,
     * the frame after a refusal finds it remembered. A fixed set of locks keeps this bounded; two senders sharing one
     * only wait for each other's store calls, never change each other's outcome.
     */
    private final ReentrantLock[] chargesInLine = IntStream.range(0, CHARGE_LOCKS)
            .mapToObj(lock -> new ReentrantLock()).toArray(ReentrantLock[]::new);

    public ChargeFrameService(LimitRegistry limits, Clock clock, MessageRateLimit rateLimit) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rate limit");
    }

    @Override
    public FrameCharge charge(ChargeFrameCommand command) {
        PresenceKey sender = command.sender();
        Optional<FrameCharge> remembered = rememberedRefusal(sender);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        ReentrantLock inLine = chargesInLine[Math.floorMod(sender.hashCode(), CHARGE_LOCKS)];
        inLine.lock();
        try {
            return rememberedRefusal(sender).orElseGet(() -> chargeFromStore(sender));
        } finally {
            inLine.unlock();
        }
    }

    private Optional<FrameCharge> rememberedRefusal(PresenceKey sender) {
        Instant until = refusedUntil.get(sender);
        if (until != null) {
            Instant now = clock.instant();
            if (now.isBefore(until)) {
                return Optional.of(new FrameCharge.RateLimited(Duration.between(now, until)));
            }
            refusedUntil.remove(sender, until);
        }
        return Optional.empty();
    }

    private FrameCharge chargeFromStore(PresenceKey sender) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            MessageDecision decision = rateLimit.take(limits.allowance(sender), now);
            if (decision instanceof MessageDecision.Refused refused) {
                remember(sender, now.plus(refused.retryAfter()), now);
                return new FrameCharge.RateLimited(refused.retryAfter());
            }
            var taken = (MessageDecision.Allowed) decision;
            if (limits.takeToken(sender, taken, rateLimit.fullAgainAt(taken.after()))) {
                // The last token taken: the next frame is refused until one refills, and needs no store read to know.
                if (rateLimit.take(Optional.of(taken.after()), now) instanceof MessageDecision.Refused spent) {
                    remember(sender, now.plus(spent.retryAfter()), now);
                }
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
