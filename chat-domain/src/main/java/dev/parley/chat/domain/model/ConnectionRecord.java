package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything kept about one connection: the audit trail of the original {@code chatDetails} table, and what the
 * connection has left of its send rate (empty until its first message).
 */
public record ConnectionRecord(
        Connection connection,
        Optional<Disconnection> disconnection,
        Optional<Posted> latestMessage,
        Optional<Posted> latestBroadcast,
        Optional<SendAllowance> sendAllowance) {

    public ConnectionRecord {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(disconnection, "disconnection");
        Objects.requireNonNull(latestMessage, "latest message");
        Objects.requireNonNull(latestBroadcast, "latest broadcast");
        Objects.requireNonNull(sendAllowance, "send allowance");
    }

    public boolean isActive() {
        return disconnection.isEmpty();
    }
}
