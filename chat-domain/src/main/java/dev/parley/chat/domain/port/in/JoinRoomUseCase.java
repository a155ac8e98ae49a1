package dev.parley.chat.domain.port.in;

/**
 * A connection joins a room: idempotent, limited per connection, admitted by its token; the room's other members hear
 * of it when it begins a presence.
 */
public interface JoinRoomUseCase {

    JoinRoomResult join(JoinRoomCommand command);
}
