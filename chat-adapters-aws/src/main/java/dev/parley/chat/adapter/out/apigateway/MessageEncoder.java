package dev.parley.chat.adapter.out.apigateway;

import dev.parley.chat.domain.model.OutgoingMessage;

/** Turns a message into the bytes every recipient receives; the wire format belongs to the application (chat-lambda). */
@FunctionalInterface
public interface MessageEncoder {

    byte[] encode(OutgoingMessage message);
}
