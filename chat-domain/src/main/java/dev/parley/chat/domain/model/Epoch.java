package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which history of a room sequence numbers count in: a room's messages are numbered 1, 2, 3… within its epoch, and a
 * reset of the room's history starts a new epoch (numbering starts again), so a client that kept a position of the old
 * one learns it no longer holds. 1 to 64 of {@code A-Z a-z 0-9 _ -}.
 */
public record Epoch(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public Epoch {
        Objects.requireNonNull(value, "epoch");
        if (!isValid(value)) {
            throw new IllegalArgumentException("an epoch is 1 to " + MAX_LENGTH + " of A-Z a-z 0-9 _ -");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** A new epoch, different from every other with overwhelming likelihood. */
    public static Epoch random() {
        return new Epoch(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
