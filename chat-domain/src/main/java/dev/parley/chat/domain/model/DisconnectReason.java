package dev.parley.chat.domain.model;

import java.util.Objects;

/** Why a connection ended, in words kept in the audit trail. */
public record DisconnectReason(String description) {

    public DisconnectReason {
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("a disconnect reason needs a description");
        }
    }

    /** The gateway reported the end of the connection on its {@code $disconnect} route. */
    public static DisconnectReason disconnectRoute() {
        return new DisconnectReason("closed: reported by the $disconnect route");
    }

    /** The connection closed with a WebSocket status code and reason. */
    public static DisconnectReason closed(int statusCode, String reason) {
        String said = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        return new DisconnectReason("closed with status " + statusCode + said);
    }

    /** A send found the connection gone (HTTP 410) although no {@code $disconnect} had said so. */
    public static DisconnectReason gone() {
        return new DisconnectReason("gone: a send answered 410");
    }
}
