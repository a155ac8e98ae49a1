package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The name others see next to a connection's messages: 1 to 32 characters, trimmed, with no character that hides or
 * reorders the text around it (see {@link #hidesOrReordersText}).
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 32;
    private static final int GUEST_SUFFIX_LENGTH = 4;

    public DisplayName {
        Objects.requireNonNull(value, "display name");
        if (!isAcceptable(value)) {
            throw new IllegalArgumentException("a display name has 1 to " + MAX_LENGTH + " characters, at least one visible, without surrounding spaces, control characters or invisible and bidirectional formatting characters");
        }
    }

    /**
     * The requested name, trimmed, when it is acceptable; otherwise {@code guest-} and four characters of the id. A name
     * that {@link #hidesOrReordersText} is not acceptable either, but a connection asking for one is refused rather than
     * renamed: it is an attempt to pass for someone else.
     */
    public static DisplayName requestedOrDefault(Optional<String> requested, ConnectionId connectionId) {
        return requested.map(String::strip)
                .filter(DisplayName::isAcceptable)
                .map(DisplayName::new)
                .orElseGet(() -> guestName(connectionId));
    }

    /**
     * Whether {@code candidate} has a zero-width or bidirectional formatting character (U+200B to U+200F, U+202A to
     * U+202E, U+2066 to U+2069, U+FEFF): what makes one name look like another, or reverses the text shown after it.
     */
    public static boolean hidesOrReordersText(String candidate) {
        return candidate.codePoints().anyMatch(DisplayName::isHidingOrReordering);
    }

    private static boolean isHidingOrReordering(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0xFEFF;
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
                && !hidesOrReordersText(candidate)
                && VisibleText.hasVisibleCharacter(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
