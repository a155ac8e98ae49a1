package dev.parley.chat.domain.port.in;

/** A connection ended ({@code $disconnect}). */
public interface DisconnectUseCase {

    void disconnect(DisconnectCommand command);
}
