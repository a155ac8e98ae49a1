package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.Connection;

/** A client opens a WebSocket connection. */
public interface ConnectUseCase {

    Connection connect(ConnectCommand command);
}
