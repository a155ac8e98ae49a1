package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A page of another site that rebinds its name to 127.0.0.1 reaches the gateway with its own name: refused. */
class HostHeaderTest {

    private static final String UPGRADE = "Upgrade: websocket";
    private static final String[] HANDSHAKE = {UPGRADE, "Connection: Upgrade", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

    private static GatewayFixture fixture;
    private static RecordingRoute connect;

    @BeforeAll
    static void start() {
        connect = RecordingRoute.answering(200, null);
        fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", "/production", HANDSHAKE),
                Arguments.of("POST", "/production/@connections/abc", new String[] {"Authorization: AWS4-HMAC-SHA256 x"}),
                Arguments.of("POST", "/dev/broadcastmessage", new String[0]),
                Arguments.of("GET", "/config.json", new String[0]),
                Arguments.of("GET", "/", new String[0]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void givenAForeignHost_request_isRefused421WithAJsonErrorAndReachesNoFunction(String method, String path,
            String[] headers) throws Exception {
        int port = fixture.gateway().urls().pages().getPort();

        RawHttp.Answer answer = RawHttp.send(port, method, path, "rebound.evil.example:" + port, headers);

        assertThat(answer.status()).isEqualTo(421);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(answer.body()).isEqualTo("{\"message\":\"this gateway answers to localhost, IP addresses and "
                + "127.0.0.1, not to the host 'rebound.evil.example:" + port + "'\"}");
        assertThat(connect.hasNoEvent()).isTrue();
    }

    @Test
    void givenLocalhostOrTheListenAddress_request_isServed() throws Exception {
        int port = fixture.gateway().urls().pages().getPort();

        assertThat(RawHttp.send(port, "GET", "/config.json", "localhost:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/config.json", "127.0.0.1:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/production", "localhost:" + port, HANDSHAKE).status()).isEqualTo(101);
        assertThat(connect.nextEvent().getRequestContext().getRouteKey()).isEqualTo("$connect");
    }

    @Test
    void givenAForeignHostRightAfterAnAllowedOne_request_isStillRefused421() throws Exception {
        // The handler remembers the host it allowed last: only that exact header may skip the check.
        int port = fixture.gateway().urls().pages().getPort();

        assertThat(RawHttp.send(port, "GET", "/config.json", "127.0.0.1:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/config.json", "127.0.0.1.evil.example:" + port).status()).isEqualTo(421);
        assertThat(RawHttp.send(port, "GET", "/config.json", "127.0.0.1:" + port).status()).isEqualTo(200);
    }

    @Test
    void givenAnyAnswer_itCarriesNoServerHeader() throws Exception {
        // API Gateway sends none; Jetty's would be written into every @connections answer.
        int port = fixture.gateway().urls().pages().getPort();

        assertThat(RawHttp.send(port, "GET", "/config.json", "127.0.0.1:" + port).head()).doesNotContainIgnoringCase("Server:");
    }
}
