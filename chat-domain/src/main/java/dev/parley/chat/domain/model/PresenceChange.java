package dev.parley.chat.domain.model;

/**
 * What one connection's join or leave did to its room's presence: whether its presence began (first connection of
 * the user in the room) or ended (last one), and how many presences the room has afterwards.
 */
public record PresenceChange(boolean changed, int count) {

    /**
     * The most presences a room may have for its members to hear of each join and leave. Each announcement is one
     * {@code @connections} call per member: in the lobby of 10,000, which every connection joins, each connect would
     * spend a second of the account's rate, and a reconnect storm hours. Like Pusher's presence channels (100 members),
     * larger rooms tell their count and members when asked ({@code joined}, {@code members}) instead.
     */
    public static final int MAX_ANNOUNCED_PRESENCES = 100;

    public PresenceChange {
        if (count < 0) {
            throw new IllegalArgumentException("a room cannot have fewer than 0 presences, not " + count);
        }
    }

    /** Whether the room's members hear of this change: a presence began or ended in a room small enough to tell. */
    public boolean announced() {
        return changed && count <= MAX_ANNOUNCED_PRESENCES;
    }
}
