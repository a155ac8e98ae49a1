package dev.parley.chat.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * Which rooms a connection may join: every room, or those its token's {@code rooms} claim lists, each an exact name
 * or a prefix ending in {@code *} ({@code team-*} admits {@code team-a} and {@code team-}). The lobby is open to
 * everyone, as every connection starts in it.
 */
public record RoomAccess(List<String> patterns, boolean everyRoom) {

    public static final RoomAccess EVERY_ROOM = new RoomAccess(List.of(), true);
    public static final int MAX_PATTERNS = 100;

    public RoomAccess {
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        if (everyRoom && !patterns.isEmpty()) {
            throw new IllegalArgumentException("access to every room lists no patterns");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("at most " + MAX_PATTERNS + " room patterns, not " + patterns.size());
        }
        for (String pattern : patterns) {
            if (!isValidPattern(pattern)) {
                throw new IllegalArgumentException("a room pattern is a room name, or a prefix of one followed by *,"
                        + " not '" + pattern + "'");
            }
        }
    }

    /** Only the rooms {@code patterns} admit (and the lobby). */
    public static RoomAccess only(List<String> patterns) {
        return new RoomAccess(patterns, false);
    }

    public boolean permits(RoomName room) {
        Objects.requireNonNull(room, "room");
        return everyRoom || room.equals(RoomName.LOBBY) || patterns.stream().anyMatch(pattern -> matches(pattern, room));
    }

    public static boolean isValidPattern(String pattern) {
        if (pattern == null) {
            return false;
        }
        if (pattern.equals("*")) {
            return true;
        }
        String name = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return RoomName.isValid(name);
    }

    private static boolean matches(String pattern, RoomName room) {
        return pattern.endsWith("*")
                ? room.value().startsWith(pattern.substring(0, pattern.length() - 1))
                : room.value().equals(pattern);
    }
}
