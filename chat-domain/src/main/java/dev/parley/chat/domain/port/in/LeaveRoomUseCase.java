package dev.parley.chat.domain.port.in;

/**
 * A connection leaves a room: idempotent (leaving a room one is not in changes nothing); the room's other members hear
 * of it when it ends a presence.
 *
 * @return whether the connection was active (an ended connection left every room when it ended)
 */
public interface LeaveRoomUseCase {

    boolean leave(LeaveRoomCommand command);
}
