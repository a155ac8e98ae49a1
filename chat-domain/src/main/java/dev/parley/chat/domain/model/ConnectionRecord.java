package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything kept about one connection: its audit trail. The rules of how a record changes are its methods; a registry
 * only stores their results.
 */
public record ConnectionRecord(
        Connection connection,
        Optional<Disconnection> disconnection,
        Optional<PostedText> latestMessage,
        Optional<PostedText> latestBroadcast) {

    public ConnectionRecord {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(disconnection, "disconnection");
        Objects.requireNonNull(latestMessage, "latest message");
        Objects.requireNonNull(latestBroadcast, "latest broadcast");
    }

    /** The record of a connection just registered: active, nothing posted. */
    public static ConnectionRecord registered(Connection connection) {
        return new ConnectionRecord(connection, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isActive() {
        return disconnection.isEmpty();
    }

    /**
     * This record, ended by {@code disconnection}; empty when it had ended already. The first disconnection wins: a
     * later report of the same end (a repeated close, a send finding the connection gone) must not rewrite when and
     * why it ended.
     */
    public Optional<ConnectionRecord> disconnect(Disconnection disconnection) {
        Objects.requireNonNull(disconnection, "disconnection");
        if (!isActive()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionRecord(connection, Optional.of(disconnection), latestMessage, latestBroadcast));
    }

    /** This record with {@code message} as its latest, everything else as it was. */
    public ConnectionRecord recordMessage(PostedText message) {
        Objects.requireNonNull(message, "message");
        return new ConnectionRecord(connection, disconnection, Optional.of(message), latestBroadcast);
    }

    /** This record with {@code broadcast} as the latest it received, everything else as it was. */
    public ConnectionRecord recordBroadcast(PostedText broadcast) {
        Objects.requireNonNull(broadcast, "broadcast");
        return new ConnectionRecord(connection, disconnection, latestMessage, Optional.of(broadcast));
    }
}
