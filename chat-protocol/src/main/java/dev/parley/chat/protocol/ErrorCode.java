package dev.parley.chat.protocol;

/** The {@code code} of an error frame or an HTTP error body: stable names clients can switch on. */
public enum ErrorCode {
    /**
     * The frame or body is not one JSON object: not JSON, another JSON value, something after the object, a name
     * given twice, nested deeper than 32 levels, or an unpaired surrogate escape.
     */
    INVALID_JSON,
    /** The frame names no action, or one no route handles. */
    UNKNOWN_ACTION,
    /** {@code Message} (or a broadcast's {@code message}) is missing, not a string, empty or only white space. */
    MISSING_MESSAGE,
    /** The message text is over 32 KB of UTF-8. */
    MESSAGE_TOO_LARGE,
    /** {@code to} is not a connection id, or not one that is connected. */
    UNKNOWN_RECIPIENT,
    /** The sender's own connection is not registered as active. */
    NOT_CONNECTED,
    /**
     * The connection is sending faster than its rate limit; the message was neither stored nor delivered. The error
     * frame's {@code retryAfterMs} says when the next one will be accepted.
     */
    RATE_LIMITED,
    /** Parley failed; the request may be retried. */
    INTERNAL
}
