package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A {@link RoomRegistry} in maps, kept with {@code connections} (only their active connections may join): the registry
 * of a single-node chat-server and of tests, and the reference the contract test is written against. One lock makes
 * every change atomic.
 */
public final class InMemoryRoomRegistry implements RoomRegistry {

    /** One presence in a room: its connections there, and the member shown for it (one of them). */
    private record Presence(Set<ConnectionId> connections, Member shown) {}

    private final ConnectionRegistry connections;
    private final Map<ConnectionId, Set<RoomName>> roomsByConnection = new HashMap<>();
    private final Map<RoomName, Map<ConnectionId, Member>> membersByRoom = new HashMap<>();
    private final Map<RoomName, NavigableMap<String, Presence>> presencesByRoom = new HashMap<>();

    public InMemoryRoomRegistry(ConnectionRegistry connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public synchronized JoinOutcome join(RoomName room, Member member, RoomLimit limit) {
        ConnectionId id = member.connectionId();
        if (connections.findActive(id).isEmpty()) {
            return new NotConnected();
        }
        Set<RoomName> current = roomsByConnection.computeIfAbsent(id, key -> new HashSet<>());
        if (current.contains(room)) {
            return new AlreadyMember(presencesOf(room).size());
        }
        if (!limit.admits(current, room)) {
            return new AtLimit(limit);
        }
        current.add(room);
        membersByRoom.computeIfAbsent(room, key -> new HashMap<>()).put(id, member);
        NavigableMap<String, Presence> presences = presencesByRoom.computeIfAbsent(room, key -> new TreeMap<>());
        Presence before = presences.get(member.presenceKey().value());
        Set<ConnectionId> after = new HashSet<>(before == null ? Set.of() : before.connections());
        after.add(id);
        presences.put(member.presenceKey().value(), new Presence(after, member));
        return new Joined(new PresenceChange(before == null, presences.size()));
    }

    @Override
    public synchronized Optional<PresenceChange> leave(RoomName room, Member member) {
        ConnectionId id = member.connectionId();
        Set<RoomName> current = roomsByConnection.getOrDefault(id, Set.of());
        if (!current.contains(room)) {
            return Optional.empty();
        }
        current.remove(room);
        Map<ConnectionId, Member> members = membersByRoom.get(room);
        Member joined = members.remove(id);
        NavigableMap<String, Presence> presences = presencesOf(room);
        String key = joined.presenceKey().value();
        Set<ConnectionId> remaining = new HashSet<>(presences.get(key).connections());
        remaining.remove(id);
        if (remaining.isEmpty()) {
            presences.remove(key);
        } else {
            presences.put(key, new Presence(remaining, members.get(remaining.iterator().next())));
        }
        return Optional.of(new PresenceChange(remaining.isEmpty(), presences.size()));
    }

    @Override
    public synchronized Set<RoomName> roomsOf(ConnectionId connection) {
        return Set.copyOf(roomsByConnection.getOrDefault(connection, Set.of()));
    }

    @Override
    public synchronized Stream<ConnectionId> members(RoomName room) {
        List<ConnectionId> snapshot = membersByRoom.getOrDefault(room, Map.of()).keySet().stream()
                .sorted(Comparator.comparing(ConnectionId::value))
                .toList();
        return snapshot.stream();
    }

    @Override
    public synchronized MemberPage presences(RoomName room, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MemberPage.MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "a page holds 1 to " + MemberPage.MAX_MEMBERS + " members, not " + limit);
        }
        NavigableMap<String, Presence> all = presencesOf(room);
        NavigableMap<String, Presence> rest = cursor.isEmpty() ? all : all.tailMap(keyAfter(room, cursor.get()), false);
        List<String> page = rest.keySet().stream().limit(limit).toList();
        Optional<String> next = rest.size() > limit
                ? Optional.of(cursorOf(room, page.get(page.size() - 1)))
                : Optional.empty();
        return new MemberPage(page.stream().map(key -> all.get(key).shown()).toList(), all.size(), next);
    }

    private NavigableMap<String, Presence> presencesOf(RoomName room) {
        return presencesByRoom.getOrDefault(room, new TreeMap<>());
    }

    private static String cursorOf(RoomName room, String presenceKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((room.value() + "\n" + presenceKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The presence key a cursor of {@code room} continues after. */
    private static String keyAfter(RoomName room, String cursor) {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String prefix = room.value() + "\n";
        if (!decoded.startsWith(prefix)) {
            throw new IllegalArgumentException("not a cursor of room " + room + ": " + cursor);
        }
        return new PresenceKey(decoded.substring(prefix.length())).value();
    }
}
