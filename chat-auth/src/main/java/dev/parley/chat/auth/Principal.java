package dev.parley.chat.auth;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;

/**
 * Who a valid token speaks for: its subject ({@code sub}), the display name ({@code name}) others see, and the rooms
 * it may join ({@code rooms}).
 *
 * @param userId the token's {@code sub} claim
 * @param displayName the token's {@code name} claim
 * @param roomAccess the token's {@code rooms} claim: exact room names and prefixes ending in {@code *}; every room
 *        when the token has none
 */
public record Principal(UserId userId, DisplayName displayName, RoomAccess roomAccess) {

    public Principal {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(roomAccess, "room access");
    }

    /** A user who may join every room: a token without a {@code rooms} claim. */
    public Principal(UserId userId, DisplayName displayName) {
        this(userId, displayName, RoomAccess.EVERY_ROOM);
    }
}
