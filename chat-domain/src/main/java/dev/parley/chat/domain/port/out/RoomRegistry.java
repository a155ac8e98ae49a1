package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which connections are in which rooms, and who is present in each. Every change is safe to repeat and to race: two
 * joins of one connection make one membership, two tabs of one user one presence.
 */
public interface RoomRegistry {

    /** How a join went. */
    sealed interface JoinOutcome permits Joined, AlreadyMember, AtLimit {}

    /** The connection is now a member; {@code presence} says whether that began its presence. */
    record Joined(PresenceChange presence) implements JoinOutcome {}

    /** The connection was a member already; nothing changed. */
    record AlreadyMember(int count) implements JoinOutcome {}

    /** The connection is in as many rooms as {@code limit} admits; nothing changed. */
    record AtLimit(RoomLimit limit) implements JoinOutcome {}

    /** Makes {@code member}'s connection a member of {@code room}, if {@code limit} admits it (checked atomically). */
    JoinOutcome join(RoomName room, Member member, RoomLimit limit);

    /**
     * Ends {@code member}'s connection's membership of {@code room}.
     *
     * @return how the presence changed; empty when the connection was not a member (nothing changed)
     */
    Optional<PresenceChange> leave(RoomName room, Member member);

    /** The rooms the connection is a member of, read consistently (a join that returned is in it). */
    Set<RoomName> roomsOf(ConnectionId connection);

    /** Whether the connection is a member of {@code room}, read consistently. */
    default boolean isMember(RoomName room, ConnectionId connection) {
        return roomsOf(connection).contains(room);
    }

    /** Every connection in {@code room}, each once, read lazily page by page so a fan-out starts before the last page. */
    Stream<ConnectionId> members(RoomName room);

    /**
     * Up to {@code limit} (at most {@link MemberPage#MAX_MEMBERS}) of the room's presences after {@code cursor} (the
     * {@code next} of the page before; empty for the first page), with the room's presence count.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this registry made for this room
     */
    MemberPage presences(RoomName room, Optional<String> cursor, int limit);
}
