package dev.parley.chat.domain.port.in;

/** A connection ended, as the transport or its client reported it. */
public interface DisconnectUseCase {

    void disconnect(DisconnectCommand command);
}
