package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Set;

/**
 * How many rooms one connection may be in at once, the lobby included: each room costs a write on every message sent
 * to it and a share of the cleanup when the connection ends.
 */
public record RoomLimit(int maxRoomsPerConnection) {

    public static final int DEFAULT_MAX_ROOMS = 20;
    public static final int MAX_ROOMS = 1_000;
    public static final RoomLimit DEFAULT = new RoomLimit(DEFAULT_MAX_ROOMS);

    public RoomLimit {
        requireValidMaxRooms(maxRoomsPerConnection);
    }

    public static int requireValidMaxRooms(int maxRooms) {
        if (maxRooms < 1 || maxRooms > MAX_ROOMS) {
            throw new IllegalArgumentException("the rooms a connection may be in at once must be 1 to " + MAX_ROOMS
                    + ", not " + maxRooms);
        }
        return maxRooms;
    }

    /** Whether a connection in {@code current} may join {@code room}: it is in it already, or has room for one more. */
    public boolean admits(Set<RoomName> current, RoomName room) {
        Objects.requireNonNull(current, "current rooms");
        Objects.requireNonNull(room, "room");
        return current.contains(room) || current.size() < maxRoomsPerConnection;
    }
}
