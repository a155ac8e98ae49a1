package dev.parley.chat.auth;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;

/**
 * Who a valid token speaks for: its subject ({@code sub}) and the display name ({@code name}) others see.
 *
 * @param userId the token's {@code sub} claim
 * @param displayName the token's {@code name} claim
 */
public record Principal(UserId userId, DisplayName displayName) {

    public Principal {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(displayName, "display name");
    }
}
