package dev.parley.local.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@code @connections} API: POST sends its body to a connection as one message, GET describes the connection,
 * DELETE closes it. Errors carry the {@code x-amzn-ErrorType} the AWS SDKs turn into their exceptions.
 * <p>
 * Every call must carry a SigV4 {@code Authorization} header, as on AWS. With a {@link ManagementKey} (authorization
 * on) the call must prove it holds the key, by its signature or in {@code x-api-key}, or is refused 403; without one
 * the signature is not verified, and any credentials will do.
 * <p>
 * A send is answered once the message is queued for its client, not once the client has read it: a client that does
 * not read holds up no sender, and is refused with 429 once its buffer is full ({@link GatewayConnection#bufferFull()}).
 * A send the gateway gets to only after {@code queueLimit} since it arrived (the machine is overloaded and the calls
 * queue up inside the gateway) is refused with 429 too, not delivered: its caller may have given up and sent it again
 * already, and a late delivery would then be a duplicate, while a 429 tells a caller still waiting to back off.
 * {@link CallbackFaults} replace the answer to chosen sends with an error.
 */
final class ManagementApi {

    private static final int BODY_READ_LIMIT = 2 * WebSocketApi.MAX_MESSAGE_BYTES;
    private static final String SIGV4 = "AWS4-HMAC-SHA256 ";

    private final OpenConnections connections;
    private final VirtualConnections virtualConnections;
    private final CallbackCounters counters;
    private final CallbackFaults faults;
    private final Optional<TokenBucket> throttle;
    private final Optional<ManagementKey> key;
    private final Duration latency;
    private final long queueLimitNanos;
    private final ScheduledExecutorService scheduler;

    ManagementApi(OpenConnections connections, VirtualConnections virtualConnections, CallbackCounters counters,
            CallbackFaults faults, Optional<TokenBucket> throttle, Optional<ManagementKey> key, Duration latency,
            Duration queueLimit, ScheduledExecutorService scheduler) {
        this.connections = connections;
        this.virtualConnections = virtualConnections;
        this.counters = counters;
        this.faults = faults;
        this.throttle = throttle;
        this.key = key;
        this.latency = latency;
        this.queueLimitNanos = queueLimit.toNanos();
        this.scheduler = scheduler;
    }

    void handle(Request request, Response response, Callback callback, String connectionId) {
        String method = request.getMethod();
        counters.called(method);
        var call = new Call(method, response, callback);
        boolean signed = HttpExchanges.header(request, HttpHeader.AUTHORIZATION).startsWith(SIGV4);
        if (!signed && (key.isEmpty() || !request.getHeaders().contains(ManagementKey.API_KEY_HEADER))) {
            call.error(HttpStatus.FORBIDDEN_403, "ForbiddenException", "Forbidden: the request is not SigV4-signed");
        } else if (!"POST".equals(method) && !"GET".equals(method) && !"DELETE".equals(method)) {
            call.error(HttpStatus.FORBIDDEN_403, "ForbiddenException", "Forbidden: " + method + " is not a management call");
        } else {
            // The whole body first, since a signature covers its hash. Read past the limit and compare here: whether
            // the limit is hit then does not depend on how Jetty's reader counts a body that arrives in several
            // chunks. A body past the read limit fails the read.
            Content.Source.asByteArrayAsync(request, BODY_READ_LIMIT).whenComplete((body, unreadable) -> {
                if (unreadable != null || body.length > WebSocketApi.MAX_MESSAGE_BYTES) {
                    call.error(HttpStatus.PAYLOAD_TOO_LARGE_413, "PayloadTooLargeException",
                            "Message too long: the limit is " + WebSocketApi.MAX_MESSAGE_BYTES + " bytes");
                } else {
                    authenticated(request, body, call, connectionId);
                }
            });
        }
    }

    private void authenticated(Request request, byte[] body, Call call, String connectionId) {
        Optional<ManagementKey.Refusal> refusal = key.flatMap(required -> required.check(new ManagementKey.SignedRequest(
                call.method, HttpExchanges.host(request), request.getHttpURI().getPath(), HttpExchanges.query(request),
                HttpExchanges.headers(request), body)));
        if (refusal.isPresent()) {
            call.error(HttpStatus.FORBIDDEN_403, refusal.get().errorType(), refusal.get().message());
        } else if ("POST".equals(call.method) && System.nanoTime() - request.getBeginNanoTime() > queueLimitNanos) {
            call.error(HttpStatus.TOO_MANY_REQUESTS_429, "LimitExceededException",
                    "the gateway is overloaded: the call waited longer than " + queueLimitNanos / 1_000_000 + " ms");
        } else if (throttle.isPresent() && !throttle.get().tryAcquire()) {
            call.error(HttpStatus.TOO_MANY_REQUESTS_429, "LimitExceededException", "Rate exceeded");
        } else if ("POST".equals(call.method)) {
            afterLatency(() -> post(connectionId, body, call));
        } else if ("GET".equals(call.method)) {
            afterLatency(() -> describe(connectionId, call));
        } else {
            afterLatency(() -> delete(connectionId, call));
        }
    }

    private void post(String connectionId, byte[] body, Call call) {
        Optional<CallbackFaults.Fault> fault = faults.take(connectionId);
        if (fault.isPresent()) {
            call.error(fault.get().status(), fault.get().errorType(), fault.get().message());
            return;
        }
        Optional<GatewayConnection> connection = connections.find(connectionId);
        if (connection.isEmpty()) {
            if (virtualConnections.receive(connectionId)) {
                call.reply(HttpStatus.OK_200, null);
            } else {
                call.gone(connectionId);
            }
        } else if (connection.get().bufferFull()) {
            call.error(HttpStatus.TOO_MANY_REQUESTS_429, "LimitExceededException", "the client's buffer is full");
        } else {
            var queued = HttpExchanges.utf8(body)
                    .map(text -> connection.get().sendText(text))
                    .orElseGet(() -> connection.get().sendBinary(body));
            // Refused at once only when the connection is already broken; a later failure ends the connection,
            // and its $disconnect tells the rest.
            if (queued.isCompletedExceptionally()) {
                call.gone(connectionId);
            } else {
                call.reply(HttpStatus.OK_200, null);
            }
        }
    }

    private void describe(String connectionId, Call call) {
        connections.find(connectionId).ifPresentOrElse(connection -> {
            // The wire names are lower camel case; the SDKs and the CLI show them as ConnectedAt, Identity.SourceIp...
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("connectedAt", connection.info().connectedAt().toString());
            description.put("lastActiveAt", connection.lastActiveAt().toString());
            description.put("identity", Map.of(
                    "sourceIp", connection.info().sourceIp(),
                    "userAgent", connection.info().userAgent()));
            call.reply(HttpStatus.OK_200, HttpExchanges.json(description));
        }, () -> call.gone(connectionId));
    }

    private void delete(String connectionId, Call call) {
        connections.find(connectionId).ifPresentOrElse(connection -> {
            connection.close(GatewayConnection.NORMAL_CLOSURE, "");
            call.reply(HttpStatus.NO_CONTENT_204, null);
        }, () -> call.gone(connectionId));
    }

    private void afterLatency(Runnable task) {
        if (latency.isZero()) {
            task.run();
        } else {
            scheduler.schedule(task, latency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** One call's answer, counted as it is written. */
    private final class Call {

        private final String method;
        private final Response response;
        private final Callback callback;

        Call(String method, Response response, Callback callback) {
            this.method = method;
            this.response = response;
            this.callback = callback;
        }

        void reply(int status, String json) {
            counters.answered(status, method);
            HttpExchanges.reply(response, callback, status, "application/json", json);
        }

        void gone(String connectionId) {
            error(HttpStatus.GONE_410, "GoneException", "no connection " + connectionId);
        }

        void error(int status, String errorType, String message) {
            counters.answered(status, method);
            HttpExchanges.replyError(response, callback, status, errorType, message);
        }
    }
}
