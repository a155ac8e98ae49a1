package dev.parley.chat.domain.port.in;

/** A connected client sends a chat message to everyone else, or to one connection. */
public interface SendMessageUseCase {

    SendMessageResult send(SendMessageCommand command);
}
