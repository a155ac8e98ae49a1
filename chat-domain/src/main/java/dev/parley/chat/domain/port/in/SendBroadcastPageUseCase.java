package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.BroadcastPage;

/**
 * A worker sends one page of a queued broadcast, keeps the audit trail of the connections it reached, marks those found
 * gone disconnected, and counts the page on the broadcast's record (once, however often the page comes).
 */
public interface SendBroadcastPageUseCase {

    SentPage send(BroadcastPage page);
}
