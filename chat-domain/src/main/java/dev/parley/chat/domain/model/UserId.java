package dev.parley.chat.domain.model;

import java.util.Objects;

/**
 * Who a connection belongs to, as the authorizer established it (the token's subject): 1 to 128 characters,
 * none of them a control character. Anonymous connections have none.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 128;

    public UserId {
        Objects.requireNonNull(value, "user id");
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a user id has 1 to " + MAX_LENGTH + " characters, not " + length);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a user id must not contain control characters");
        }
        // A lone surrogate is no character at all: it would not survive being stored as UTF-8.
        if (value.codePoints().anyMatch(UserId::isLoneSurrogate)) {
            throw new IllegalArgumentException("a user id must be well-formed Unicode (it has an unpaired surrogate)");
        }
    }

    private static boolean isLoneSurrogate(int codePoint) {
        // String.codePoints() yields a surrogate as a code point of its own only when it is not part of a pair.
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    @Override
    public String toString() {
        return value;
    }
}
