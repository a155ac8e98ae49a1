package dev.parley.chat.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client resuming a room from a position it had is sent: the gap it cannot be given, if any; then the messages,
 * oldest first; and the seqs among them that are void (allocated, never stored). Seqs after the last message that are
 * neither sent nor void were still being written when the history was read: their messages reach the client live.
 */
public record Catchup(Optional<Gap> gap, List<StoredMessage> messages, List<Long> voids) {

    public Catchup {
        Objects.requireNonNull(gap, "gap");
        messages = List.copyOf(messages);
        voids = List.copyOf(voids);
        for (int i = 1; i < messages.size(); i++) {
            if (messages.get(i - 1).seq() >= messages.get(i).seq()) {
                throw new IllegalArgumentException("messages are in seq order, each once");
            }
        }
    }

    /** Nothing was missed. */
    public static Catchup none() {
        return new Catchup(Optional.empty(), List.of(), List.of());
    }
}
