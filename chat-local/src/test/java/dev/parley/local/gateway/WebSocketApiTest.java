package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketApiTest {

    private static final String FORBIDDEN_FRAME = "\\{\"message\":\"Forbidden\",\"connectionId\":\"[A-Za-z0-9_-]{15}=\",\"requestId\":\"[A-Za-z0-9_-]{15}=\"\\}";

    @Test
    void givenConnectRoute_handshake_passesTheEventApiGatewayBuilds() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build())) {
            Instant before = Instant.now();
            TestClient.connect(URI.create(fixture.gateway().urls().webSocket() + "?name=Ann&room=a&room=b"));

            APIGatewayV2WebSocketEvent event = connect.nextEvent();
            var context = event.getRequestContext();
            assertThat(context.getRouteKey()).isEqualTo("$connect");
            assertThat(context.getEventType()).isEqualTo("CONNECT");
            assertThat(context.getMessageDirection()).isEqualTo("IN");
            assertThat(context.getConnectionId()).matches("[A-Za-z0-9_-]{15}=");
            assertThat(context.getRequestId()).matches("[A-Za-z0-9_-]{15}=").isNotEqualTo(context.getConnectionId());
            assertThat(context.getExtendedRequestId()).isEqualTo(context.getRequestId());
            assertThat(context.getConnectedAt()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
            assertThat(context.getRequestTimeEpoch()).isGreaterThanOrEqualTo(context.getConnectedAt());
            assertThat(context.getRequestTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
            assertThat(context.getStage()).isEqualTo("production");
            assertThat(context.getApiId()).matches("[a-z0-9]{10}");
            assertThat(context.getDomainName()).isEqualTo(fixture.gateway().urls().authority());
            assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
            assertThat(context.getIdentity().getUserAgent()).startsWith("Java-http-client");
            assertThat(event.getQueryStringParameters()).containsEntry("name", "Ann").containsEntry("room", "b");
            assertThat(event.getMultiValueQueryStringParameters()).containsEntry("room", List.of("a", "b"));
            assertThat(event.getHeaders()).containsKeys("Host", "Sec-WebSocket-Key", "Upgrade", "User-Agent");
            assertThat(event.getMultiValueHeaders()).containsEntry("Host", List.of(context.getDomainName()));
            assertThat(event.isIsBase64Encoded()).isFalse();
            fixture.awaitLine("route=$connect", "connectionId=" + context.getConnectionId(), "status=200");
        }
    }

    @Test
    void givenConnectAnswering403_handshake_isRefusedWith403AndNoDisconnect() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        var routes = RouteTable.builder()
                .webSocketRoute("$connect", RecordingRoute.answering(403, null), false)
                .webSocketRoute("$disconnect", disconnect, false)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            assertThatThrownBy(() -> TestClient.attempt(fixture.gateway().urls().webSocket()).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
            fixture.awaitLine("route=$connect", "status=403");
            Thread.sleep(200);
            assertThat(disconnect.hasNoEvent()).isTrue();
            assertThat(fixture.gateway().openConnections()).isZero();
        }
    }

    @Test
    void givenConnectFunctionFailing_handshake_isRefusedWith500() throws Exception {
        var routes = RouteTable.builder()
                .webSocketRoute("$connect", new RecordingRoute(event -> {
                    throw new IllegalStateException("table missing");
                }), false)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            assertThatThrownBy(() -> TestClient.attempt(fixture.gateway().urls().webSocket()).join())
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(500));
            fixture.awaitLine("table missing");
        }
    }

    @Test
    void givenRoutes_frames_goToTheRouteTheirActionNamesExactlyElseDefault() throws Exception {
        var send = RecordingRoute.answering(200, "{\"type\":\"ack\"}");
        var fallback = RecordingRoute.answering(200, "{\"type\":\"default\"}");
        var routes = RouteTable.builder()
                .webSocketRoute("sendMessage", send, true)
                .webSocketRoute("$default", fallback, true)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");

            client.send("{\"action\":\"sendMessage\",\"Message\":\"hi\"}");
            assertThat(client.next()).isEqualTo("{\"type\":\"ack\"}");
            APIGatewayV2WebSocketEvent message = send.nextEvent();
            assertThat(message.getRequestContext().getRouteKey()).isEqualTo("sendMessage");
            assertThat(message.getRequestContext().getEventType()).isEqualTo("MESSAGE");
            assertThat(message.getRequestContext().getMessageId()).matches("[A-Za-z0-9_-]{15}=");
            assertThat(message.getBody()).isEqualTo("{\"action\":\"sendMessage\",\"Message\":\"hi\"}");
            assertThat(message.isIsBase64Encoded()).isFalse();

            for (String frame : List.of("{\"action\":\"sendmessage\"}", "hello, is this thing on?", "[1,2]",
                    "{\"action\":\"$connect\"}", "{\"action\":7}")) {
                client.send(frame);
                assertThat(client.next()).as(frame).isEqualTo("{\"type\":\"default\"}");
                APIGatewayV2WebSocketEvent unmatched = fallback.nextEvent();
                assertThat(unmatched.getRequestContext().getRouteKey()).isEqualTo("$default");
                assertThat(unmatched.getBody()).isEqualTo(frame);
            }
            assertThat(send.hasNoEvent()).isTrue();
        }
    }

    @Test
    void givenDefaultRoute_binaryFrame_goesToItInBase64() throws Exception {
        var fallback = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$default", fallback, true).build())) {
            TestClient client = fixture.connect("");
            byte[] bytes = {0, 1, 2, (byte) 0xff};
            client.sendBinary(bytes);

            APIGatewayV2WebSocketEvent event = fallback.nextEvent();
            assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
            assertThat(event.isIsBase64Encoded()).isTrue();
            assertThat(Base64.getDecoder().decode(event.getBody())).containsExactly(bytes);
        }
    }

    @Test
    void givenNoDefaultRoute_unmatchedFrame_getsTheForbiddenFrameAndTheConnectionStaysUsable() throws Exception {
        var routes = RouteTable.builder().webSocketRoute("echo", RecordingRoute.echo(), true).build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");

            client.send("not json");
            assertThat(client.next()).matches(FORBIDDEN_FRAME);
            client.send("{\"action\":\"Echo\"}");
            assertThat(client.next()).matches(FORBIDDEN_FRAME);
            client.sendBinary(new byte[] {1});
            assertThat(client.next()).matches(FORBIDDEN_FRAME);

            client.send("{\"action\":\"echo\"}");
            assertThat(client.next()).isEqualTo("{\"action\":\"echo\"}");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void givenOneWayRoute_handlerBody_isNotSentBack() throws Exception {
        var routes = RouteTable.builder()
                .webSocketRoute("quiet", RecordingRoute.answering(200, "dropped"), false)
                .webSocketRoute("echo", RecordingRoute.echo(), true)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            client.send("{\"action\":\"quiet\"}");
            client.send("{\"action\":\"echo\"}");
            assertThat(client.next()).isEqualTo("{\"action\":\"echo\"}");
        }
    }

    @Test
    void givenFailingFunction_frame_getsTheInternalServerErrorFrame() throws Exception {
        var routes = RouteTable.builder()
                .webSocketRoute("$default", new RecordingRoute(event -> {
                    throw new IllegalStateException("boom");
                }), true)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            client.send("anything");
            assertThat(client.next()).matches("\\{\"message\":\"Internal server error\",\"connectionId\":\".{16}\",\"requestId\":\".{16}\"}");
            fixture.awaitLine("route=$default", "status=500", "function error");
        }
    }

    @Test
    void givenFramesFromOneClient_slowFunction_invokesThemOneAtATimeInArrivalOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        var routes = RouteTable.builder()
                .webSocketRoute("$default", new RecordingRoute(event -> {
                    synchronized (seen) {
                        seen.add(event.getBody());
                    }
                    sleep(Duration.ofMillis(event.getBody().hashCode() % 2 == 0 ? 30 : 5));
                    return RecordingRoute.response(200, event.getBody());
                }), true)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add("frame " + i);
                client.send("frame " + i);
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                received.add(client.next());
            }
            assertThat(received).containsExactlyElementsOf(sent);
            assertThat(seen).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void givenTwoConnections_blockedFunctionOnOne_theOtherIsStillServed() throws Exception {
        var release = new CountDownLatch(1);
        var routes = RouteTable.builder()
                .webSocketRoute("$default", new RecordingRoute(event -> {
                    if (event.getBody().equals("block")) {
                        await(release);
                    }
                    return RecordingRoute.response(200, "done " + event.getBody());
                }), true)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient blocked = fixture.connect("");
            TestClient other = fixture.connect("");
            blocked.send("block");
            other.send("free");
            assertThat(other.next()).isEqualTo("done free");
            release.countDown();
            assertThat(blocked.next()).isEqualTo("done block");
        }
    }

    @Test
    void givenDefaultRoute_frameOver32KB_closesTheConnectionWith1009AndRunsDisconnect() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        var routes = RouteTable.builder()
                .webSocketRoute("$default", RecordingRoute.answering(200, "ok"), true)
                .webSocketRoute("$disconnect", disconnect, false)
                .build();
        try (var fixture = new GatewayFixture(routes);
                var client = RawWebSocket.connect(fixture.gateway().urls().webSocket())) {
            client.sendFrame(RawWebSocket.TEXT, "x".repeat(WebSocketApi.MAX_FRAME_BYTES).getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.readFrame().payload(), StandardCharsets.UTF_8)).isEqualTo("ok");

            client.sendFrame(RawWebSocket.TEXT, "x".repeat(WebSocketApi.MAX_FRAME_BYTES + 1).getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(close.closeStatus()).isEqualTo(1009);
            APIGatewayV2WebSocketEvent event = disconnect.nextEvent();
            assertThat(event.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
            fixture.awaitLine("route=$disconnect", "disconnectStatusCode=1009");
        }
    }

    @Test
    void givenTwoWayRouteAnsweringOver32KB_frame_getsTheAnswerAsOneMessageInFramesOf32KB() throws Exception {
        String large = "é".repeat(40_000) + "end";
        var routes = RouteTable.builder().webSocketRoute("$default", RecordingRoute.answering(200, large), true).build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            client.send("give me a lot");
            assertThat(client.next()).isEqualTo(large);
        }
        try (var fixture = new GatewayFixture(routes);
                var raw = RawWebSocket.connect(fixture.gateway().urls().webSocket())) {
            raw.sendFrame(RawWebSocket.TEXT, "give me a lot".getBytes(StandardCharsets.UTF_8));
            var received = new java.io.ByteArrayOutputStream();
            RawWebSocket.Frame frame;
            do {
                frame = raw.readFrame();
                assertThat(frame.payload().length).isLessThanOrEqualTo(WebSocketApi.MAX_FRAME_BYTES);
                received.write(frame.payload());
            } while (received.size() < large.getBytes(StandardCharsets.UTF_8).length);
            assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo(large);
        }
    }

    @Test
    void givenDefaultRoute_messageOver128KBInSmallFrames_closesTheConnectionWith1009() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$default", RecordingRoute.echo(), true).build())) {
            TestClient client = fixture.connect("");
            String frame = "y".repeat(30 * 1024);
            for (int i = 0; i < 4; i++) {
                client.sendPart(frame, false);
            }
            client.sendPart(frame, true);
            assertThat(client.awaitClose().statusCode()).isEqualTo(1009);
        }
    }

    @Test
    void givenIdleTimeout_silentClient_isClosedWith1001GoingAwayAndDisconnectRuns() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        var routes = RouteTable.builder()
                .webSocketRoute("$default", RecordingRoute.echo(), true)
                .webSocketRoute("$disconnect", disconnect, false)
                .build();
        try (var fixture = new GatewayFixture(routes, builder -> builder.idleTimeout(Duration.ofMillis(1500)))) {
            TestClient client = fixture.connect("");
            Instant opened = Instant.now();
            // Frames keep the connection alive past the idle timeout.
            for (int i = 0; i < 3; i++) {
                Thread.sleep(700);
                client.send("ping");
                assertThat(client.next()).isEqualTo("ping");
            }
            TestClient.Closure closure = client.awaitClose();
            assertThat(Duration.between(opened, Instant.now())).isGreaterThan(Duration.ofMillis(2100 + 1400));
            assertThat(closure).isEqualTo(new TestClient.Closure(1001, "Going away"));
            assertThat(disconnect.nextEvent().getRequestContext().getRouteKey()).isEqualTo("$disconnect");
            fixture.awaitLine("route=$disconnect", "disconnectStatusCode=1001", "disconnectReason=\"Going away\"");
            assertThat(fixture.gateway().openConnections()).isZero();
        }
    }

    @Test
    void givenMaxDuration_busyClient_isClosedWith1001() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$default", RecordingRoute.echo(), true).build(),
                builder -> builder.maxDuration(Duration.ofSeconds(1)))) {
            TestClient client = fixture.connect("");
            Instant opened = Instant.now();
            while (!client.isClosed() && Duration.between(opened, Instant.now()).toMillis() < 3000) {
                client.send("busy");
                client.next();
                Thread.sleep(100);
            }
            assertThat(client.awaitClose().statusCode()).isEqualTo(1001);
        }
    }

    @Test
    void givenQueuedFrames_clientClose_runsDisconnectAfterThemWithTheClientsStatus() throws Exception {
        List<String> order = new ArrayList<>();
        var recorder = new RecordingRoute(event -> {
            synchronized (order) {
                order.add(event.getRequestContext().getRouteKey());
            }
            sleep(Duration.ofMillis(50));
            return RecordingRoute.response(200, null);
        });
        var routes = RouteTable.builder()
                .webSocketRoute("$default", recorder, true)
                .webSocketRoute("$disconnect", recorder, false)
                .build();
        try (var fixture = new GatewayFixture(routes)) {
            TestClient client = fixture.connect("");
            client.send("one");
            client.send("two");
            client.close();
            fixture.awaitLine("route=$disconnect", "disconnectStatusCode=1000", "disconnectReason=\"bye\"");
            assertThat(order).containsExactly("$default", "$default", "$disconnect");
        }
    }

    @Test
    void givenCloseReasonWithQuotesNewlinesAndBidiControls_disconnectLine_escapesThemAll() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$disconnect", disconnect, false).build())) {
            TestClient client = fixture.connect("");

            client.close("x\" status=200\nroute=$connect connectionId=forged \u202Eevil\\");

            String line = fixture.awaitLine("route=$disconnect");
            assertThat(line).endsWith(" disconnectStatusCode=1000 disconnectReason="
                    + "\"x\\\" status=200\\u000aroute=$connect connectionId=forged \\u202eevil\\\\\"");
            assertThat(line.lines()).hasSize(1);
        }
    }

    @Test
    void givenOpenConnection_clientVanishes_runsDisconnectWithStatus1006() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$disconnect", disconnect, false).build())) {
            TestClient client = fixture.connect("");
            client.abort();
            String connectionId = disconnect.nextEvent().getRequestContext().getConnectionId();
            fixture.awaitLine("route=$disconnect", "connectionId=" + connectionId, "disconnectStatusCode=1006");
        }
    }

    @Test
    void givenOpenConnections_gatewayClose_closesThemWith1001AndRunsTheirDisconnect() throws Exception {
        var disconnect = RecordingRoute.answering(200, null);
        var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$disconnect", disconnect, false).build());
        TestClient first = fixture.connect("");
        TestClient second = fixture.connect("");
        awaitOpen(fixture.gateway(), 2);

        fixture.close();

        assertThat(first.awaitClose().statusCode()).isEqualTo(1001);
        assertThat(second.awaitClose().statusCode()).isEqualTo(1001);
        disconnect.nextEvent();
        disconnect.nextEvent();
    }

    @Test
    void givenPlainHttpRequest_toTheStage_answers426() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build())) {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://" + fixture.gateway().urls().authority() + "/production")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(426);
        }
    }

    static void awaitOpen(LocalGateway gateway, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (gateway.openConnections() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(gateway.openConnections()).isEqualTo(count);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
