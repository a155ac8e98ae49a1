package dev.parley.chat.domain.model;

import java.util.Objects;

/**
 * Whose message a {@link ClientMessageId} names: the user's when the connection has one (a resend after a reconnect
 * comes on another connection of the same user), else the connection's.
 */
public record ResendKey(String value) {

    public ResendKey {
        Objects.requireNonNull(value, "resend key");
    }

    public static ResendKey of(Connection sender, ClientMessageId clientId) {
        String scope = sender.userId().map(user -> "u#" + user.value()).orElse("c#" + sender.id().value());
        return new ResendKey(scope + "#" + clientId.value());
    }
}
