package dev.parley.chat.domain.port.in;

/**
 * A connected client sends a chat message to the other members of a room it is in, or directly to one connection or to
 * every connection of one user.
 */
public interface SendMessageUseCase {

    SendMessageResult send(SendMessageCommand command);
}
