package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/** The name others see next to a connection's messages: 1 to 32 characters, trimmed. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 32;
    private static final int GUEST_SUFFIX_LENGTH = 4;

    public DisplayName {
        Objects.requireNonNull(value, "display name");
        if (!isAcceptable(value)) {
            throw new IllegalArgumentException("a display name has 1 to " + MAX_LENGTH + " characters, at least one visible, without surrounding spaces or control characters");
        }
    }

    /** The requested name, trimmed, when it is acceptable; otherwise {@code guest-} and four characters of the id. */
    public static DisplayName requestedOrDefault(Optional<String> requested, ConnectionId connectionId) {
        return requested.map(String::strip)
                .filter(DisplayName::isAcceptable)
                .map(DisplayName::new)
                .orElseGet(() -> guestName(connectionId));
    }

    private static DisplayName guestName(ConnectionId connectionId) {
        String id = connectionId.value();
        return new DisplayName("guest-" + id.substring(0, Math.min(GUEST_SUFFIX_LENGTH, id.length())));
    }

    private static boolean isAcceptable(String candidate) {
        int length = candidate.codePointCount(0, candidate.length());
        return length >= 1
                && length <= MAX_LENGTH
                && candidate.equals(candidate.strip())
                && candidate.codePoints().noneMatch(Character::isISOControl)
                && VisibleText.hasVisibleCharacter(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
