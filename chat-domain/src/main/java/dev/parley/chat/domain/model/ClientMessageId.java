package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id a client gives a frame it sends (its {@code clientId}): 1 to 64 of {@code A-Z a-z 0-9 _ -}, echoed in the
 * answer. A message sent again with the same id by the same sender within {@link SendReceipt#RESEND_WINDOW} is the
 * same message.
 */
public record ClientMessageId(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public ClientMessageId {
        Objects.requireNonNull(value, "client message id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a client message id is 1 to " + MAX_LENGTH + " of A-Z a-z 0-9 _ -");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
