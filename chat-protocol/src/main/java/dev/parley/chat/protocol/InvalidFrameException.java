package dev.parley.chat.protocol;

import java.util.Objects;

/** A frame or request body the wire format cannot accept, with the error code and words to answer it with. */
public final class InvalidFrameException extends Exception {

    private final ErrorCode code;

    public InvalidFrameException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
