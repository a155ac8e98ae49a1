package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which connections are in which rooms, and who is present in each. Every change is safe to repeat and to race: two
 * joins of one connection make one membership, two tabs of one user one presence, and of racing changes to one
 * presence exactly one reports it began (or ended).
 *
 * <p>Only an active connection of the {@link ConnectionRegistry} the rooms are kept with may join. Its memberships
 * outlive its end until they are left, so that whoever learns of the end (its {@code $disconnect}, a send that met
 * {@code 410}) can still read {@link #roomsOf} and leave each.
 */
public interface RoomRegistry {

    /** How a join went. */
    sealed interface JoinOutcome permits Joined, AlreadyMember, AtLimit, NotConnected {}

    /** The connection is now a member; {@code presence} says whether that began its presence. */
    record Joined(PresenceChange presence) implements JoinOutcome {
        public Joined {
            Objects.requireNonNull(presence, "presence");
        }
    }

    /** The connection was a member already; nothing changed. {@code count} is the room's presences. */
    record AlreadyMember(int count) implements JoinOutcome {}

    /** The connection is in as many rooms as {@code limit} admits; nothing changed. */
    record AtLimit(RoomLimit limit) implements JoinOutcome {
        public AtLimit {
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** The connection is not active (never registered, or ended); nothing changed. */
    record NotConnected() implements JoinOutcome {}

    /**
     * Makes {@code member}'s connection a member of {@code room} if it is active and {@code limit} admits it, both
     * checked atomically with the change: racing joins never take a connection past its limit.
     */
    JoinOutcome join(RoomName room, Member member, RoomLimit limit);

    /**
     * Ends {@code member}'s connection's membership of {@code room}, whether or not the connection is still active.
     *
     * @return how the presence changed; empty when the connection was not a member (nothing changed)
     */
    Optional<PresenceChange> leave(RoomName room, Member member);

    /** The rooms the connection is a member of, read consistently (a join that returned is in it), ended or not. */
    Set<RoomName> roomsOf(ConnectionId connection);

    /** Whether the connection is a member of {@code room}, read consistently. */
    default boolean isMember(RoomName room, ConnectionId connection) {
        return roomsOf(connection).contains(room);
    }

    /** Every connection in {@code room}, each once, read lazily page by page so a fan-out starts before the last page. */
    Stream<ConnectionId> members(RoomName room);

    /**
     * Up to {@code limit} (1 to {@link MemberPage#MAX_MEMBERS}) of the room's presences after {@code cursor} (the
     * {@code next} of the page before; empty for the first page), each presence once, with the room's presence count.
     * A page has a {@code next} only when more presences follow it.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this registry made for this room, or
     *         {@code limit} is out of range
     */
    MemberPage presences(RoomName room, Optional<String> cursor, int limit);
}
