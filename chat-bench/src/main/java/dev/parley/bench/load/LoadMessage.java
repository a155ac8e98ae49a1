package dev.parley.bench.load;

import java.util.Optional;

/**
 * One message of a load run: who sent it, its number among that client's messages, and when it was sent (nanoseconds
 * since the run's origin). It travels as the chat text and, for the acknowledgement, as the {@code clientId}, both
 * carrying the same token, such as {@code 17-23-912000431}.
 */
public record LoadMessage(int sender, int sequence, long sentAtNanos) {

    private static final String TEXT_PREFIX = "load ";

    public LoadMessage {
        if (sender < 0 || sequence < 0 || sentAtNanos < 0) {
            throw new IllegalArgumentException("sender, sequence and send time must not be negative: " + sender + ", "
                    + sequence + ", " + sentAtNanos);
        }
    }

    /** The token the clientId carries (1 to 64 of {@code A-Z a-z 0-9 _ -}, as the wire protocol allows). */
    public String clientId() {
        return sender + "-" + sequence + "-" + sentAtNanos;
    }

    /** The chat text. */
    public String text() {
        return TEXT_PREFIX + clientId();
    }

    /** The {@code sendMessage} frame, asking for an acknowledgement that echoes {@link #clientId()}. */
    public String frame() {
        return "{\"action\":\"sendMessage\",\"Message\":\"" + text() + "\",\"clientId\":\"" + clientId() + "\"}";
    }

    /** The message a chat text carries; empty for any other text. */
    public static Optional<LoadMessage> fromText(String text) {
        return text.startsWith(TEXT_PREFIX) ? fromClientId(text.substring(TEXT_PREFIX.length())) : Optional.empty();
    }

    /** The message a clientId names; empty for any other token. */
    public static Optional<LoadMessage> fromClientId(String token) {
        String[] parts = token.split("-", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadMessage(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Long.parseLong(parts[2])));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
