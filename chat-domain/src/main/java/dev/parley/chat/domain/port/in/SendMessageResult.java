package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;

/** How a send ended, for the sender's acknowledgement or error. */
public sealed interface SendMessageResult
        permits SendMessageResult.Sent, SendMessageResult.UnknownRecipient, SendMessageResult.UnknownUser,
                SendMessageResult.NotAMember, SendMessageResult.SenderNotConnected, SendMessageResult.AlreadySent {

    /** Stored and sent; {@code recipients} clients received it. */
    record Sent(ChatMessage message, int recipients) implements SendMessageResult {
        public Sent {
            Objects.requireNonNull(message, "message");
            if (recipients < 0) {
                throw new IllegalArgumentException("recipients cannot be negative");
            }
        }
    }

    /**
     * A resend: the sender sent this message (the same client message id) before; {@code first} is what that send
     * left (its message id, and its seq once stored). Nothing was stored or sent again.
     */
    record AlreadySent(SendReceipt first) implements SendMessageResult {
        public AlreadySent {
            Objects.requireNonNull(first, "first");
        }
    }

    /** The direct message's recipient is not an active connection; nothing was stored or sent. */
    record UnknownRecipient(ConnectionId recipient) implements SendMessageResult {
        public UnknownRecipient {
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** The direct message's user has no active connection; nothing was stored or sent. */
    record UnknownUser(UserId user) implements SendMessageResult {
        public UnknownUser {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The sender is not a member of the room it sent to; nothing was stored or sent. */
    record NotAMember(RoomName room) implements SendMessageResult {
        public NotAMember {
            Objects.requireNonNull(room, "room");
        }
    }

    /** The sender is not an active connection (its record is missing or ended); nothing was stored or sent. */
    record SenderNotConnected(ConnectionId sender) implements SendMessageResult {
        public SenderNotConnected {
            Objects.requireNonNull(sender, "sender");
        }
    }
}
