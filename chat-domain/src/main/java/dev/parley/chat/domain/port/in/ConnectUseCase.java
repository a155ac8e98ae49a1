package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.Connection;

/** A client opens a WebSocket connection ({@code $connect}). */
public interface ConnectUseCase {

    Connection connect(ConnectCommand command);
}
