package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.DeliveryResult;

/**
 * Where the {@link InMemoryMessagePublisher} hands one connection's messages: a server's socket, a test's queue. It
 * holds a bounded number of unsent messages and refuses more, so one slow reader cannot fill the heap.
 */
@FunctionalInterface
public interface Mailbox {

    /** Takes {@code message} for sending, without blocking, or answers why not. */
    DeliveryResult offer(OutgoingMessage message);
}
