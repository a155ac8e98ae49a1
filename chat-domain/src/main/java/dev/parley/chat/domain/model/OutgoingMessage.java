package dev.parley.chat.domain.model;

import java.time.Instant;

/**
 * What the system sends to connected clients. A message goes to each of its recipients whole, in order with what was
 * sent to that recipient before; how it is cut into frames is the protocol's.
 */
public sealed interface OutgoingMessage
        permits ChatMessage, BroadcastMessage, PresenceEvent, RoomCatchup, HistoryDelivery {

    MessageId id();

    Instant sentAt();
}
