package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** The transport's id of one WebSocket connection, such as {@code L0SM9cOFvHcCIhw=}. */
public record ConnectionId(String value) {

    /** Connection ids are base64-like; anything else cannot name a connection. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_=+/-]{1,128}");

    public ConnectionId {
        Objects.requireNonNull(value, "connection id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a connection id: 1 to 128 characters of A-Z a-z 0-9 _ = + / -");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
