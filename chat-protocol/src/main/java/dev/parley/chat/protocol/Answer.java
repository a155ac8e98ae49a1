package dev.parley.chat.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * What a transport sends back for one client frame or handshake: a status in HTTP's terms (API Gateway's route
 * response carries it; a socket server logs it) and the frame to send, if any. No body means everything to say went
 * through the publisher already, or there is nothing to say.
 */
public record Answer(int status, Optional<String> body) {

    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int INTERNAL_ERROR = 500;

    public Answer {
        Objects.requireNonNull(body, "body");
    }

    public static Answer of(int status, String body) {
        return new Answer(status, Optional.of(body));
    }

    /** Nothing to send back: what there was to say went through the publisher. */
    public static Answer sentAlready() {
        return new Answer(OK, Optional.empty());
    }

    public boolean isOk() {
        return status / 100 == 2;
    }
}
