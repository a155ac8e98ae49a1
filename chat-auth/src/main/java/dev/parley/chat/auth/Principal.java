package dev.parley.chat.auth;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;

/**
 * Who a valid token speaks for: its subject ({@code sub}), the display name ({@code name}) others see, the rooms
 * it may join ({@code rooms}) and what else it may do ({@code role}).
 *
 * @param userId the token's {@code sub} claim
 * @param displayName the token's {@code name} claim
 * @param roomAccess the token's {@code rooms} claim: exact room names and prefixes ending in {@code *}; every room
 *        when the token has none
 * @param role the token's {@code role} claim; {@link Role#MEMBER} when it has none
 */
public record Principal(UserId userId, DisplayName displayName, RoomAccess roomAccess, Role role) {

    public Principal {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(roomAccess, "room access");
        Objects.requireNonNull(role, "role");
    }

    /** A member (no {@code role} claim) who may join the rooms of {@code roomAccess}. */
    public Principal(UserId userId, DisplayName displayName, RoomAccess roomAccess) {
        this(userId, displayName, roomAccess, Role.MEMBER);
    }

    /** A member who may join every room: a token without a {@code rooms} or {@code role} claim. */
    public Principal(UserId userId, DisplayName displayName) {
        this(userId, displayName, RoomAccess.EVERY_ROOM);
    }
}
