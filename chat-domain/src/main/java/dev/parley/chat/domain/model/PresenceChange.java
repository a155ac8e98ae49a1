package dev.parley.chat.domain.model;

/**
 * What one connection's join or leave did to its room's presence: whether its presence began (first connection of
 * the user in the room) or ended (last one), and how many presences the room has afterwards.
 */
public record PresenceChange(boolean changed, int count) {

    public PresenceChange {
        if (count < 0) {
            throw new IllegalArgumentException("a room cannot have fewer than 0 presences, not " + count);
        }
    }
}
