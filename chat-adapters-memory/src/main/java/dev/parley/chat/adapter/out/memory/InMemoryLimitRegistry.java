package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.MessageAllowance;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link LimitRegistry} in maps: the registry of a single-node chat-server and of tests, and the reference the
 * contract test is written against. Each conditional write is one atomic replace of the value it was decided from.
 * Nothing expires: a forgotten allowance is a full bucket and lapsed places are dropped when read, so keeping them
 * changes no answer.
 */
public final class InMemoryLimitRegistry implements LimitRegistry {

    private final ConcurrentMap<PresenceKey, MessageAllowance> allowances = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserId, UserConnections> connections = new ConcurrentHashMap<>();

    @Override
    public Optional<MessageAllowance> allowance(PresenceKey sender) {
        return Optional.ofNullable(allowances.get(sender));
    }

    @Override
    public boolean takeToken(PresenceKey sender, MessageDecision.Allowed taken, Instant fullAgainAt) {
        return taken.before()
                .map(before -> allowances.replace(sender, before, taken.after()))
                .orElseGet(() -> allowances.putIfAbsent(sender, taken.after()) == null);
    }

    @Override
    public UserConnections connectionsOf(UserId user) {
        return connections.getOrDefault(user, UserConnections.NONE);
    }

    @Override
    public boolean replaceConnections(UserId user, UserConnections before, UserConnections after) {
        if (before.revision() == 0) {
            return connections.putIfAbsent(user, after) == null;
        }
        return connections.replace(user, before, after);
    }
}
