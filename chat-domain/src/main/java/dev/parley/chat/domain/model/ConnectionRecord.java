package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything kept about one connection: its audit trail, and what the connection has left of its message allowance
 * (empty until its first message). The rules of how a record changes are its methods; a registry only stores their
 * results.
 */
public record ConnectionRecord(
        Connection connection,
        Optional<Disconnection> disconnection,
        Optional<PostedText> latestMessage,
        Optional<PostedText> latestBroadcast,
        Optional<MessageAllowance> messageAllowance) {

    public ConnectionRecord {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(disconnection, "disconnection");
        Objects.requireNonNull(latestMessage, "latest message");
        Objects.requireNonNull(latestBroadcast, "latest broadcast");
        Objects.requireNonNull(messageAllowance, "message allowance");
    }

    /** The record of a connection just registered: active, nothing posted, no allowance yet (its bucket is full). */
    public static ConnectionRecord registered(Connection connection) {
        return new ConnectionRecord(connection, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
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
        return Optional.of(new ConnectionRecord(connection, Optional.of(disconnection), latestMessage, latestBroadcast,
                messageAllowance));
    }

    /**
     * This record with {@code message} as its latest and the allowance {@code taken} leaves; empty when {@code taken}
     * was not taken from the allowance this record holds. Each token is spent once: of two messages whose tokens were
     * taken from the same allowance, only the first recorded counts, and the other must take its token again.
     */
    public Optional<ConnectionRecord> recordMessage(PostedText message, MessageDecision.Allowed taken) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(taken, "taken");
        if (!taken.before().equals(messageAllowance)) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionRecord(connection, disconnection, Optional.of(message), latestBroadcast,
                Optional.of(taken.after())));
    }

    /** This record with {@code broadcast} as the latest it received, everything else as it was. */
    public ConnectionRecord recordBroadcast(PostedText broadcast) {
        Objects.requireNonNull(broadcast, "broadcast");
        return new ConnectionRecord(connection, disconnection, latestMessage, Optional.of(broadcast), messageAllowance);
    }
}
