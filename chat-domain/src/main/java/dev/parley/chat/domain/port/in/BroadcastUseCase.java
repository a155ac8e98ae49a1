package dev.parley.chat.domain.port.in;

/** The operators send one message to every active connection, or to the members of one room. */
public interface BroadcastUseCase {

    BroadcastReport broadcast(BroadcastCommand command);
}
