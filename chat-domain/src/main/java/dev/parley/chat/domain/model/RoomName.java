package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A room (channel) that connections join to talk among themselves: 1 to 64 of {@code A-Z a-z 0-9 _ - . :}, compared
 * exactly (case matters). Every connection is in the {@link #LOBBY} from the moment it connects, until it leaves it.
 */
public record RoomName(String value) {

    public static final int MAX_LENGTH = 64;

    // Before LOBBY: static fields initialise in order, and LOBBY's constructor checks its name against this.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_LENGTH + "}");

    /** The one room of the original tutorial: a message without a room goes here. */
    public static final RoomName LOBBY = new RoomName("lobby");

    public RoomName {
        Objects.requireNonNull(value, "room name");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a room name has 1 to " + MAX_LENGTH
                    + " of the characters A-Z a-z 0-9 _ - . : and nothing else");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && NAME.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
