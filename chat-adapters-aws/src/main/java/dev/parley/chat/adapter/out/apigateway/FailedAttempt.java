package dev.parley.chat.adapter.out.apigateway;

import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** What one failed {@code @connections} call means for its send: whether to retry, and the result otherwise. */
record FailedAttempt(Kind kind, String reason) {

    enum Kind {
        /** 410: the connection no longer exists. */
        GONE,
        /** 429: the account's rate or the client's buffer is exhausted; waiting helps. */
        THROTTLED,
        /** 5xx or no answer at all (I/O, timeout); another try may succeed. */
        TRANSIENT,
        /** Any other refusal (403, 413, other 4xx): the same request would be refused again. */
        PERMANENT
    }

    private static final int GONE_STATUS = 410;
    private static final int PAYLOAD_TOO_LARGE_STATUS = 413;
    private static final int THROTTLED_STATUS = 429;
    private static final int FIRST_SERVER_ERROR_STATUS = 500;

    FailedAttempt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Classifies by HTTP status rather than by exception class: the SDK throws its base exception when an answer
     * lacks the error type, and the status still says what happened.
     */
    static FailedAttempt of(Throwable failure, int payloadBytes) {
        Throwable cause = unwrap(failure);
        String description = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof SdkServiceException serviceFailure) {
            int status = serviceFailure.statusCode();
            if (status == GONE_STATUS) {
                return new FailedAttempt(Kind.GONE, description);
            }
            if (status == THROTTLED_STATUS) {
                return new FailedAttempt(Kind.THROTTLED, description);
            }
            if (status == PAYLOAD_TOO_LARGE_STATUS) {
                return new FailedAttempt(Kind.PERMANENT,
                        "payload too large: " + payloadBytes + " bytes refused (" + description + ")");
            }
            return new FailedAttempt(status >= FIRST_SERVER_ERROR_STATUS ? Kind.TRANSIENT : Kind.PERMANENT, description);
        }
        return new FailedAttempt(cause instanceof SdkClientException ? Kind.TRANSIENT : Kind.PERMANENT, description);
    }

    boolean retryable() {
        return kind == Kind.THROTTLED || kind == Kind.TRANSIENT;
    }

    /** The send's result when this failure ends it, after {@code attempts} attempts in all. */
    DeliveryResult result(int attempts) {
        return switch (kind) {
            case GONE -> DeliveryResult.gone();
            case THROTTLED -> new DeliveryResult.Throttled(attempts);
            case TRANSIENT -> new DeliveryResult.Failed(reason + " (gave up after " + attempts + " attempts)");
            case PERMANENT -> new DeliveryResult.Failed(reason);
        };
    }

    /** Futures wrap the SDK's exception in CompletionException, once per stage it passed through. */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
