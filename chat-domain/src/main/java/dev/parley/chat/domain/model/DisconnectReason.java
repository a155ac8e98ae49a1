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

    /**
     * The transport reported the connection closed, without a status code; {@code reporter} names what reported it,
     * in the words of the adapter that heard it.
     */
    public static DisconnectReason transportReported(String reporter) {
        Objects.requireNonNull(reporter, "reporter");
        if (reporter.isBlank()) {
            throw new IllegalArgumentException("a transport report needs to say what reported the close");
        }
        return new DisconnectReason("closed: reported by " + reporter.strip());
    }

    /** The connection closed with a WebSocket status code and reason. */
    public static DisconnectReason closed(int statusCode, String reason) {
        String said = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        return new DisconnectReason("closed with status " + statusCode + said);
    }

    /**
     * A send found the connection no longer exists, though the transport had not reported it closed. The words are
     * the ones the audit trail has always stored for this reason, kept so stored reasons stay comparable.
     */
    public static DisconnectReason gone() {
        return new DisconnectReason("gone: a send answered 410");
    }
}
