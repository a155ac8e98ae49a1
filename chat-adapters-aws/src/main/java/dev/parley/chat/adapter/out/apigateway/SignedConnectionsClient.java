package dev.parley.chat.adapter.out.apigateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The {@code @connections} client of {@link ApiGatewayMessagePublisher}: {@code PostToConnection} only, signed by
 * {@link ConnectionsRequestSigner} (SigV4 as the SDK's signer writes it) and sent by the SDK's async HTTP client,
 * without the SDK client's request pipeline around them (execution attributes, interceptors, endpoint rules,
 * checksums, metrics, retries), which took most of the CPU of a call (ADR 0012). It answers as the SDK's client does: the same exceptions, with the status, error type
 * and message, {@link SdkClientException} for I/O failures and {@link ApiCallAttemptTimeoutException} when an attempt
 * outlasts its timeout. The other operations are not supported (the interface's defaults throw).
 */
final class SignedConnectionsClient implements ApiGatewayManagementApiAsyncClient {

    private static final String SERVICE_NAME_IN_ERRORS = "ApiGatewayManagement";
    private static final String CONNECTIONS = "/@connections/";
    /** An error answer's body is a short JSON object; more than this is not read into the message. */
    private static final int ERROR_BODY_LIMIT = 8 * 1024;
    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private final SdkAsyncHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final Duration attemptTimeout;
    private final ConnectionsRequestSigner signer;
    /** The stage's path followed by {@code /@connections/}. */
    private final String connectionsPath;

    /**
     * @param callbackUrl the stage's management endpoint, {@code http(s)://host[:port]/{stage}}
     * @param http        closed with this client
     */
    SignedConnectionsClient(URI callbackUrl, Region region, AwsCredentialsProvider credentials, SdkAsyncHttpClient http,
            Duration attemptTimeout, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        String stagePath = Optional.ofNullable(callbackUrl.getRawPath()).orElse("");
        this.connectionsPath = (stagePath.endsWith("/") ? stagePath.substring(0, stagePath.length() - 1) : stagePath)
                + CONNECTIONS;
        this.signer = new ConnectionsRequestSigner(SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(callbackUrl.getScheme().toLowerCase(Locale.ROOT))
                .host(callbackUrl.getHost())
                .port(callbackUrl.getPort() < 0 ? null : callbackUrl.getPort())
                // What the SDK's client sends for this operation's blob payload.
                .putHeader("Content-Type", "application/json")
                .encodedPath(connectionsPath)
                .build(), Objects.requireNonNull(region, "region").id());
    }

    @Override
    public CompletableFuture<PostToConnectionResponse> postToConnection(PostToConnectionRequest request) {
        byte[] body = request.data().asByteArrayUnsafe();
        SdkHttpRequest signed;
        try {
            signed = signer.sign(connectionsPath + SdkHttpUtils.urlEncode(request.connectionId()), body,
                    credentials.resolveCredentials(), clock.instant());
        } catch (RuntimeException unsignable) {
            // Credentials that cannot be resolved, as the SDK's client reports them: a client-side failure.
            return CompletableFuture.failedFuture(SdkClientException.create(
                    "Unable to sign the request: " + unsignable.getMessage(), unsignable));
        }
        var answer = new Answer();
        CompletableFuture<Void> exchange = http.execute(AsyncExecuteRequest.builder()
                .request(signed)
                .requestContentPublisher(new Payload(AsyncRequestBody.fromBytesUnsafe(body)))
                .responseHandler(answer)
                .build());
        // The answer counts once the exchange is over, as the SDK's client waits for it: only then is the HTTP
        // connection back in the pool. Answering at the end of the body instead let the publisher start its next
        // attempt (and that attempt's timeout) while no connection was free yet, and retry sends that were delivered.
        CompletableFuture<PostToConnectionResponse> outcome = exchange.handle((done, failure) -> {
            if (failure != null) {
                answer.onError(failure);
            }
            return null;
        }).thenCompose(over -> answer.outcome);
        return outcome.orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((response, failure) -> {
            if (failure == null) {
                return response;
            }
            if (failure instanceof TimeoutException) {
                // Abandoned as the SDK abandons an attempt: the HTTP client drops the exchange and its connection.
                exchange.completeExceptionally(failure);
                throw ApiCallAttemptTimeoutException.create(attemptTimeout.toMillis());
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        http.close();
    }

    /** The frame, which the HTTP client may read again (a retry sends the same bytes). */
    private record Payload(AsyncRequestBody body) implements SdkHttpContentPublisher {

        @Override
        public Optional<Long> contentLength() {
            return body.contentLength();
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            body.subscribe(subscriber);
        }
    }

    /**
     * One call's answer: success once a 2xx answer's (empty) body has been read, the service's exception for any
     * other status, {@link SdkClientException} when the exchange itself fails. Called on the HTTP client's thread.
     */
    private static final class Answer implements SdkAsyncHttpResponseHandler, Subscriber<ByteBuffer> {

        final CompletableFuture<PostToConnectionResponse> outcome = new CompletableFuture<>();
        private volatile SdkHttpResponse head;
        private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream(0);

        @Override
        public void onHeaders(SdkHttpResponse response) {
            head = response;
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            stream.subscribe(this);
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer chunk) {
            if (!head.isSuccessful() && errorBody.size() < ERROR_BODY_LIMIT) {
                byte[] bytes = new byte[Math.min(chunk.remaining(), ERROR_BODY_LIMIT - errorBody.size())];
                chunk.get(bytes);
                errorBody.write(bytes, 0, bytes.length);
            }
        }

        /** The exchange failed (the HTTP client's report, or its response stream's). */
        @Override
        public void onError(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            outcome.completeExceptionally(cause instanceof SdkClientException clientFailure ? clientFailure
                    : SdkClientException.create("Unable to execute HTTP request: " + cause.getMessage(), cause));
        }

        @Override
        public void onComplete() {
            SdkHttpResponse response = head;
            if (response.isSuccessful()) {
                outcome.complete((PostToConnectionResponse) PostToConnectionResponse.builder()
                        .sdkHttpResponse(response).build());
            } else {
                outcome.completeExceptionally(serviceFailure(response, errorBody.toByteArray()));
            }
        }
    }

    /** The exception the SDK's client throws for this answer: chosen by the error type, as the SDK chooses it. */
    static ApiGatewayManagementApiException serviceFailure(SdkHttpResponse response, byte[] body) {
        // The type may carry a namespace after a colon ("GoneException:http://internal.amazon.com/...").
        String errorType = response.firstMatchingHeader("x-amzn-ErrorType")
                .map(type -> type.split(":", 2)[0].trim()).orElse("");
        String message = errorMessage(body);
        ApiGatewayManagementApiException.Builder failure = switch (errorType) {
            case "GoneException" -> GoneException.builder();
            case "ForbiddenException" -> ForbiddenException.builder();
            case "LimitExceededException" -> LimitExceededException.builder();
            case "PayloadTooLargeException" -> PayloadTooLargeException.builder();
            default -> ApiGatewayManagementApiException.builder();
        };
        return (ApiGatewayManagementApiException) failure
                .statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorType.isEmpty() ? null : errorType)
                        .errorMessage(message)
                        .serviceName(SERVICE_NAME_IN_ERRORS)
                        .sdkHttpResponse(response)
                        .build())
                .build();
    }

    /** The {@code message} (or {@code Message}) of a JSON error body; null when there is none. */
    private static String errorMessage(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode error = JSON.parse(body);
            if (!error.isObject()) {
                return null;
            }
            return error.field("message").or(() -> error.field("Message"))
                    .filter(JsonNode::isString).map(JsonNode::asString).orElse(null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
