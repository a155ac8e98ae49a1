package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The {@code @connections} API over plain HTTP, as the SDK sends it. */
class ManagementApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/execute-api/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0";

    @Test
    void givenOpenConnection_post_deliversTheBodyAsOneTextMessage() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build())) {
            TestClient client = fixture.connect("");
            String id = connect.nextEvent().getRequestContext().getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);

            HttpResponse<String> response = call(fixture, "POST", id, "{\"hello\":\"Ann\"}", SIGNED);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(client.next()).isEqualTo("{\"hello\":\"Ann\"}");
            String large = "z".repeat(100_000);
            assertThat(call(fixture, "POST", id, large, SIGNED).statusCode()).isEqualTo(200);
            assertThat(client.next()).isEqualTo(large);
            assertThat(fixture.gateway().callbackCounts()).isEqualTo(new CallbackCounts(2, 0, 0, 2, 0, 0, 0, 0));
        }
    }

    @Test
    void givenBodyThatIsNotUtf8_post_deliversItAsBinary() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build())) {
            TestClient client = fixture.connect("");
            String id = connect.nextEvent().getRequestContext().getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);
            byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0};

            var request = signed(fixture, id).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(client.next()).isEqualTo("binary:" + Base64.getEncoder().encodeToString(bytes));
        }
    }

    @Test
    void givenOpenConnection_getThenDelete_describesThenClosesIt() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        var disconnect = RecordingRoute.answering(200, null);
        var routes = RouteTable.builder()
                .webSocketRoute("$connect", connect, false)
                .webSocketRoute("$disconnect", disconnect, false)
                .webSocketRoute("$default", RecordingRoute.answering(200, null), false)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            var connected = connect.nextEvent().getRequestContext();
            String id = connected.getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);
            Thread.sleep(20);
            client.send("activity");
            Thread.sleep(50);

            HttpResponse<String> described = call(fixture, "GET", id, null, SIGNED);
            assertThat(described.statusCode()).isEqualTo(200);
            assertThat(described.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            var fields = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(described.body());
            assertThat(Instant.parse((String) fields.get("connectedAt")).toEpochMilli()).isEqualTo(connected.getConnectedAt());
            assertThat(Instant.parse((String) fields.get("lastActiveAt"))).isAfter(Instant.parse((String) fields.get("connectedAt")));
            assertThat(fields.get("identity")).isEqualTo(java.util.Map.of("sourceIp", "127.0.0.1",
                    "userAgent", connected.getIdentity().getUserAgent()));

            assertThat(call(fixture, "DELETE", id, null, SIGNED).statusCode()).isEqualTo(204);
            assertThat(client.awaitClose().statusCode()).isEqualTo(1000);
            assertThat(disconnect.nextEvent().getRequestContext().getConnectionId()).isEqualTo(id);
            fixture.awaitLine("route=$disconnect", "disconnectStatusCode=1000");

            HttpResponse<String> gone = call(fixture, "GET", id, null, SIGNED);
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
        }
    }

    @Test
    void givenUnknownConnection_everyCall_answers410GoneException() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build())) {
            for (String method : new String[] {"POST", "GET", "DELETE"}) {
                HttpResponse<String> response = call(fixture, method, "L0SM9cOFvHcCIhw=", "{}", SIGNED);
                assertThat(response.statusCode()).as(method).isEqualTo(410);
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
                assertThat(response.body()).startsWith("{\"message\":");
            }
            assertThat(fixture.gateway().callbackCounts().gone()).isEqualTo(3);
        }
    }

    @Test
    void givenOpenConnection_unsignedPost_answers403ForbiddenException() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build())) {
            TestClient client = fixture.connect("");
            String id = connect.nextEvent().getRequestContext().getConnectionId();

            HttpResponse<String> response = call(fixture, "POST", id, "sneaky", null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
            client.expectNothingFor(Duration.ofMillis(200));
            assertThat(fixture.gateway().callbackCounts().forbidden()).isEqualTo(1);
        }
    }

    @Test
    void givenBodyOver128KB_post_answers413PayloadTooLargeException() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build())) {
            TestClient client = fixture.connect("");
            String id = connect.nextEvent().getRequestContext().getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);

            HttpResponse<String> response = call(fixture, "POST", id, "x".repeat(WebSocketApi.MAX_MESSAGE_BYTES + 1), SIGNED);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("PayloadTooLargeException");
            assertThat(call(fixture, "POST", id, "x".repeat(WebSocketApi.MAX_MESSAGE_BYTES), SIGNED).statusCode()).isEqualTo(200);
            assertThat(client.next()).hasSize(WebSocketApi.MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void givenCallbackThrottle_callsBeyondTheBurst_answer429LimitExceededException() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build(),
                builder -> builder.callbackThrottle(new CallbackThrottle(0.1, 3)))) {
            int throttled = 0;
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = call(fixture, "GET", "L0SM9cOFvHcCIhw=", null, SIGNED);
                if (response.statusCode() == 429) {
                    throttled++;
                    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("LimitExceededException");
                } else {
                    assertThat(response.statusCode()).isEqualTo(410);
                }
            }
            assertThat(throttled).isEqualTo(2);
            assertThat(fixture.gateway().callbackCounts()).isEqualTo(new CallbackCounts(0, 5, 0, 0, 3, 2, 0, 0));
        }
    }

    @Test
    void givenCallbackLatency_everyCall_takesAtLeastThatLong() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder.callbackLatency(Duration.ofMillis(300)))) {
            Instant start = Instant.now();
            assertThat(call(fixture, "GET", "L0SM9cOFvHcCIhw=", null, SIGNED).statusCode()).isEqualTo(410);
            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void givenVirtualConnections_post_countsOneCopyPerCallWhileOtherIdsStayGone() throws Exception {
        var virtual = VirtualConnections.of(java.util.List.of("v1=", "v2=", "v3="));
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder.virtualConnections(virtual))) {
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(200);
            assertThat(call(fixture, "POST", "v2=", "{}", SIGNED).statusCode()).isEqualTo(200);
            assertThat(call(fixture, "POST", "v2=", "{}", SIGNED).statusCode()).isEqualTo(200);
            assertThat(call(fixture, "POST", "other=", "{}", SIGNED).statusCode()).isEqualTo(410);
            assertThat(call(fixture, "GET", "v1=", null, SIGNED).statusCode()).as("nothing to describe").isEqualTo(410);
            assertThat(call(fixture, "POST", "v3=", "{}", null).statusCode()).as("unsigned").isEqualTo(403);

            assertThat(virtual.copiesTo("v1=")).isEqualTo(1);
            assertThat(virtual.copiesTo("v2=")).isEqualTo(2);
            assertThat(virtual.tally()).isEqualTo(new VirtualConnections.Tally(3, 1, 1, 1, 3));
            assertThat(fixture.gateway().callbackCounts()).isEqualTo(new CallbackCounts(5, 1, 0, 3, 2, 0, 0, 1));
        }
    }

    @Test
    void givenVirtualConnectionsAndCallbackThrottle_postsBeyondTheBurst_areThrottledAndNotCounted() throws Exception {
        var virtual = VirtualConnections.of(java.util.List.of("v1="));
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder
                .virtualConnections(virtual).callbackThrottle(new CallbackThrottle(0.1, 2)))) {
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(200);
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(200);
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(429);

            assertThat(virtual.copiesTo("v1=")).isEqualTo(2);
        }
    }

    @Test
    void givenCallbackQueueLimit_postHandledAfterIt_answers429AndDeliversNothing() throws Exception {
        var virtual = VirtualConnections.of(java.util.List.of("v1="));
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder
                .virtualConnections(virtual).callbackQueueLimit(Duration.ofMillis(200)))) {
            // The body arrives 600 ms after the head: the gateway can act on the call only after its limit.
            String late = postWithBodyAfter(fixture, "v1=", Duration.ofMillis(600));
            String prompt = postWithBodyAfter(fixture, "v1=", Duration.ZERO);

            assertThat(late).startsWith("HTTP/1.1 429").contains("x-amzn-ErrorType: LimitExceededException")
                    .contains("the gateway is overloaded");
            assertThat(prompt).startsWith("HTTP/1.1 200");
            assertThat(virtual.copiesTo("v1=")).as("only the prompt call delivered").isEqualTo(1);
        }
    }

    @Test
    void givenDefaultQueueLimit_postWhoseBodyComesAfterAFewHundredMs_isDelivered() throws Exception {
        var virtual = VirtualConnections.of(java.util.List.of("v1="));
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder.virtualConnections(virtual))) {
            assertThat(postWithBodyAfter(fixture, "v1=", Duration.ofMillis(300))).startsWith("HTTP/1.1 200");
            assertThat(virtual.copiesTo("v1=")).isEqualTo(1);
        }
    }

    @Test
    void givenCallbackQueueLimit_postOnAConnectionIdleForLongerThanIt_isDelivered() throws Exception {
        var virtual = VirtualConnections.of(java.util.List.of("v1="));
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder
                .virtualConnections(virtual).callbackQueueLimit(Duration.ofMillis(200)))) {
            // java.net.http keeps the connection open between the calls: the idle time is not time in the queue.
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(200);
            Thread.sleep(600);
            assertThat(call(fixture, "POST", "v1=", "{}", SIGNED).statusCode()).isEqualTo(200);

            assertThat(virtual.copiesTo("v1=")).isEqualTo(2);
        }
    }

    /** A signed POST of {@code {}} whose head goes at once and whose body {@code pause} later; the answer's head. */
    private static String postWithBodyAfter(GatewayFixture fixture, String connectionId, Duration pause)
            throws Exception {
        URI uri = connectionUri(fixture, connectionId);
        try (var socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nAuthorization: "
                    + SIGNED + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(pause.toMillis());
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> call(GatewayFixture fixture, String method, String connectionId, String body,
            String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(connectionUri(fixture, connectionId))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder signed(GatewayFixture fixture, String connectionId) {
        return HttpRequest.newBuilder(connectionUri(fixture, connectionId)).header("Authorization", SIGNED);
    }

    /** The SDK URL-encodes the id, '=' included. */
    private static URI connectionUri(GatewayFixture fixture, String connectionId) {
        return URI.create(fixture.gateway().urls().callback() + "/@connections/"
                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
    }
}
