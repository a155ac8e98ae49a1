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
    /**
     * {@code to} is not a connection id, or not one that is connected; {@code toUser} is not a user id, or not one with
     * a connection; or both are given.
     */
    UNKNOWN_RECIPIENT,
    /** The sender's own connection is not registered as active. */
    NOT_CONNECTED,
    /**
     * The sender (a user, all of their connections together, or an anonymous connection) is sending frames faster than
     * its rate limit; the frame was not handled: nothing was stored or delivered. The error frame's
     * {@code retryAfterMs} says when the next one will be accepted.
     */
    RATE_LIMITED,
    /** The user has as many connections open as they may: the body of the {@code 429} refusing a handshake. */
    TOO_MANY_CONNECTIONS,
    /**
     * {@code room} is not a string of 1 to 64 of {@code A-Z a-z 0-9 _ - . :}, or is given with {@code to} or
     * {@code toUser} (a direct message has no room).
     */
    INVALID_ROOM,
    /** The connection is in as many rooms as it may be (the lobby included); it must leave one first. */
    TOO_MANY_ROOMS,
    /** The connection sent to, or asked for the members of, a room it has not joined. */
    NOT_A_MEMBER,
    /** The connection's token does not admit the room (its {@code rooms} claim). */
    FORBIDDEN_ROOM,
    /** The display name has a character that reorders or hides text (bidirectional controls, zero-width marks). */
    INVALID_NAME,
    /** {@code cursor} is not a string of 1 to 512 characters that a {@code members} page of this room gave. */
    INVALID_CURSOR,
    /**
     * {@code since} is not an object of exactly an {@code epoch} (1 to 64 of A-Z a-z 0-9 _ -) and a {@code seq} (a whole
     * number from 0 to 2^53 - 1).
     */
    INVALID_SINCE,
    /** {@code before} is not a whole number from 1 to 2^53 - 1, or {@code limit} not one from 1 to 100. */
    INVALID_PAGE,
    /**
     * The deployment requires an authorized user ({@code REQUIRE_AUTH}) and the connection arrived without one: the
     * body of the {@code 403} refusing a handshake that no authorizer checked.
     */
    UNAUTHORIZED,
    /** A broadcast status was asked for with an id that is not one Parley gives (a UUID). */
    INVALID_BROADCAST_ID,
    /** No queued broadcast has that id (never, or its record has expired). */
    UNKNOWN_BROADCAST,
    /** Parley failed; the request may be retried. */
    INTERNAL
}
