package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.MessageAllowance;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the per-sender limits are kept, apart from any one connection so that they outlive it: each sender's send
 * allowance and each user's open connections. The rules are the domain's ({@code MessageRateLimit},
 * {@link UserConnections}); a registry stores their outcome only while it still holds what the rule was applied to, in
 * one conditional write, so concurrent instances of the service cannot both spend the same token or take the same
 * place.
 */
public interface LimitRegistry {

    /** What {@code sender} has left of its allowance; empty when none is stored (a full bucket). */
    Optional<MessageAllowance> allowance(PresenceKey sender);

    /**
     * Stores {@code taken.after()} as {@code sender}'s allowance, to be forgotten after {@code fullAgainAt}, when the
     * allowance stored is still {@code taken.before()}.
     *
     * @return false, changing nothing, when another frame took a token since {@code taken.before()} was read
     */
    boolean takeToken(PresenceKey sender, MessageDecision.Allowed taken, Instant fullAgainAt);

    /** The places {@code user}'s connections hold; {@link UserConnections#NONE} when none is stored. */
    UserConnections connectionsOf(UserId user);

    /**
     * Stores {@code after} as {@code user}'s connections, to be forgotten after {@link UserConnections#lapsesAt}, when
     * the revision stored is still {@code before}'s.
     *
     * @return false, changing nothing, when another change was stored since {@code before} was read
     */
    boolean replaceConnections(UserId user, UserConnections before, UserConnections after);
}
