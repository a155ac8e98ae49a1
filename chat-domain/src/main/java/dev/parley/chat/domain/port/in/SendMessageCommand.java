package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from {@code sender} to a room's other members, or directly to one connection or to one user; with a
 * {@code clientId}, a resend of it is recognised and not sent again.
 */
public record SendMessageCommand(ConnectionId sender, MessageText text, Addressee to, Optional<ClientMessageId> clientId) {

    /** Who a message is for. */
    public sealed interface Addressee permits ToRoom, ToConnection, ToUser {}

    /** The room's other members; the sender must be one. */
    public record ToRoom(RoomName room) implements Addressee {
        public ToRoom {
            Objects.requireNonNull(room, "room");
        }
    }

    /** One connection: a direct message. */
    public record ToConnection(ConnectionId connection) implements Addressee {
        public ToConnection {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** Every connection of one user: a direct message to a person, whichever tab they read it in. */
    public record ToUser(UserId user) implements Addressee {
        public ToUser {
            Objects.requireNonNull(user, "user");
        }
    }

    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(to, "addressee");
        Objects.requireNonNull(clientId, "client id");
    }

    /** A message without a client's id for it: each send of it is a new message. */
    public SendMessageCommand(ConnectionId sender, MessageText text, Addressee to) {
        this(sender, text, to, Optional.empty());
    }

    /** The original tutorial's send: to the lobby, or, with a {@code recipient}, directly to that connection. */
    public SendMessageCommand(ConnectionId sender, MessageText text, Optional<ConnectionId> recipient) {
        this(sender, text, recipient.<Addressee>map(ToConnection::new).orElse(new ToRoom(RoomName.LOBBY)));
    }
}
