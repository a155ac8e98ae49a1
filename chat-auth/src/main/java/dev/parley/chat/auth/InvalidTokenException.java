package dev.parley.chat.auth;

import java.util.Objects;

/**
 * A token that grants nothing, and why. The message never repeats the token or any of its contents: they come from
 * the caller and end up in logs.
 */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not three base64url parts of JSON objects, or too long to be one of Parley's. */
        MALFORMED,
        /** Signed with anything but HS256 ({@code none} included). */
        UNSUPPORTED_ALGORITHM,
        /** The signature is not this secret's signature of the token. */
        BAD_SIGNATURE,
        /** Past its {@code exp}. */
        EXPIRED,
        /** Before its {@code nbf}, or issued ({@code iat}) in the future. */
        NOT_YET_VALID,
        /** A claim Parley needs ({@code iat} included) is missing or of the wrong type or form. */
        INVALID_CLAIMS,
        /** Its {@code aud} does not name this deployment's audience: minted for someone else. */
        WRONG_AUDIENCE,
        /** Its {@code exp - iat} is longer than the longest lifetime a token may have. */
        TOO_LONG_LIVED
    }

    private final Reason reason;

    InvalidTokenException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
