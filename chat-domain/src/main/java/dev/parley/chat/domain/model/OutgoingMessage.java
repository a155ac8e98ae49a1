package dev.parley.chat.domain.model;

import java.time.Instant;

/** What the system sends to connected clients. */
public sealed interface OutgoingMessage permits ChatMessage, BroadcastMessage, PresenceEvent {

    MessageId id();

    Instant sentAt();
}
