package dev.parley.chat.domain.port.in;

/** The operators send one message to every active connection. */
public interface BroadcastUseCase {

    BroadcastReport broadcast(BroadcastCommand command);
}
