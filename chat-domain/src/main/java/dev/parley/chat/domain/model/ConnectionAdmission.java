package dev.parley.chat.domain.model;

import java.util.Objects;

/** Whether a user may open one more connection, by its {@link ConnectionLimit}. */
public sealed interface ConnectionAdmission permits ConnectionAdmission.Admitted, ConnectionAdmission.Full {

    /**
     * The connection may open: {@code after} holds it, and replaces {@code before}, what the store held when read
     * (the store applies it only while it still holds {@code before}).
     */
    record Admitted(UserConnections before, UserConnections after) implements ConnectionAdmission {
        public Admitted {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The user has as many connections open as {@code limit} allows. */
    record Full(ConnectionLimit limit) implements ConnectionAdmission {
        public Full {
            Objects.requireNonNull(limit, "limit");
        }
    }
}
