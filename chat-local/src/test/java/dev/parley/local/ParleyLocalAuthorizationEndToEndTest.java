package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.TokenRules;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parley locally with authorization on, as deployed: the real authorizer on $connect, the user of the token as the
 * connection's identity, and the broadcast endpoint behind the admin key.
 */
class ParleyLocalAuthorizationEndToEndTest {

    private static final String SECRET = "end-to-end-signing-secret-0123456789-abcdefgh";
    private static final String ADMIN_KEY = "end-to-end-admin-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalDynamoDb dynalite;
    private static DynamoDbClient dynamoDb;
    private static LocalOptions options;
    private static ParleyLocal parley;

    @BeforeAll
    static void startParleyWithAuthorization() {
        dynalite = LocalDynamoDb.start();
        dynamoDb = dynalite.client();
        options = CommandLine.parse(Map.of("PARLEY_AUTH_SECRET", SECRET), "--port", "0",
                "--dynamodb-endpoint", dynalite.endpoint().toString(), "--table", "chatDetails-auth", "--admin-key", ADMIN_KEY);
        parley = ParleyLocal.start(options);
    }

    @AfterAll
    static void stop() {
        parley.close();
        dynalite.close();
    }

    @Test
    void givenNoTokenABadOneOrAnExpiredOne_handshake_isRefusedAsApiGatewayRefusesIt() {
        String otherSecretsToken = new TokenIssuer(SigningKey.fromText(SECRET.replace('0', '1')), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(principal("user-eve", "Eve"), Duration.ofHours(1));
        String expired = new TokenIssuer(SigningKey.fromText(SECRET), Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC), TokenRules.DEFAULT)
                .issue(principal("user-ada", "Ada"), Duration.ofHours(1));

        assertHandshakeRefused("?name=Eve", 401);
        assertHandshakeRefused("?token=", 401);
        assertHandshakeRefused("?token=not-a-jwt", 403);
        assertHandshakeRefused("?token=" + otherSecretsToken, 403);
        assertHandshakeRefused("?token=" + expired, 403);
    }

    @Test
    void givenAuthorizationOn_describe_givesThePageLinkWithTheTokenInTheFragmentWhichBrowsersNeverSend() {
        assertThat(parley.describe(options)).contains("open the chat at " + parley.gateway().urls().pages() + "#token=<token>")
                .doesNotContain(parley.gateway().urls().pages() + "?token=");
    }

    @Test
    void givenTokenForAnotherAudienceOrMintedToLiveLongerThanTheMaximum_handshake_isRefusedWith403() {
        var key = SigningKey.fromText(SECRET);
        String otherAudience = new TokenIssuer(key, Clock.systemUTC(), new TokenRules("billing", Duration.ofHours(1)))
                .issue(principal("user-eve", "Eve"), Duration.ofMinutes(5));
        String longLived = new TokenIssuer(key, Clock.systemUTC(), new TokenRules("parley", Duration.ofDays(30)))
                .issue(principal("user-eve", "Eve"), TokenRules.DEFAULT_MAX_LIFETIME.plusMinutes(1));

        assertHandshakeRefused("?token=" + otherAudience, 403);
        assertHandshakeRefused("?token=" + longLived, 403);
    }

    @Test
    void givenTokens_chat_knowsEachUserByTheirTokenWhateverTheClientClaims() throws Exception {
        TestClient ada = connect(token("user-ada", "Ada"), "Mallory");
        TestClient bob = connect(token("user-bob", "Bob"), "Ada");
        Map<String, AttributeValue> adaRow = rowOf("user-ada");
        Map<String, AttributeValue> bobRow = rowOf("user-bob");
        assertThat(adaRow.get("DisplayName").s()).isEqualTo("Ada");
        assertThat(bobRow.get("DisplayName").s()).isEqualTo("Bob");

        ada.send("{\"action\":\"sendMessage\",\"Message\":\"hi Bob\",\"from\":\"" + bobRow.get("connectionId").s()
                + "\",\"name\":\"Bob\"}");

        assertThat(json(ada.next())).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(json(bob.next())).containsEntry("type", "message").containsEntry("message", "hi Bob")
                .containsEntry("from", adaRow.get("connectionId").s()).containsEntry("name", "Ada");
        ada.close();
        bob.close();
        // Their leaving the lobby is announced to whoever is in it: done before the next test connects anyone.
        var rows = new ChatRows(dynamoDb, "chatDetails-auth");
        rows.awaitEnded(adaRow.get("connectionId").s());
        rows.awaitEnded(bobRow.get("connectionId").s());
    }

    @Test
    void givenAdminKeyAndAnAdministratorsToken_broadcast_needsBothAndRecordsTheSender() throws Exception {
        TestClient cid = connect(token("user-cid", "Cid"), "Cid");
        String cidsConnection = rowOf("user-cid").get("connectionId").s();
        String admin = bearer(new Principal(new UserId("ops-1"), new DisplayName("Ops"), RoomAccess.EVERY_ROOM, Role.ADMIN));

        HttpResponse<String> noToken = broadcast(ADMIN_KEY, null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json(noToken.body())).isEqualTo(Map.of("message", "Unauthorized"));
        assertThat(broadcast(ADMIN_KEY, "Bearer not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> member = broadcast(ADMIN_KEY, bearer(principal("user-cid", "Cid")));
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(json(member.body())).containsKey("message");
        HttpResponse<String> noKey = broadcast(null, admin);
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(json(noKey.body())).isEqualTo(Map.of("message", "Forbidden"));
        assertThat(broadcast(ADMIN_KEY.replace('0', '9'), admin).statusCode()).isEqualTo(403);

        HttpResponse<String> allowed = broadcast(ADMIN_KEY, admin);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(json(allowed.body())).containsEntry("failed", 0);
        assertThat(json(cid.next())).containsEntry("type", "broadcast").containsEntry("message", "from the operators");
        Map<String, AttributeValue> cidRow = dynamoDb.getItem(request -> request.tableName("chatDetails-auth")
                .consistentRead(true).key(Map.of("connectionId", AttributeValue.fromS(cidsConnection)))).item();
        assertThat(cidRow.get("BroadcastMessage").s()).isEqualTo("from the operators");
        assertThat(cidRow.get("BroadcastSender").s()).isEqualTo("ops-1");
        cid.close();
    }

    private static Principal principal(String userId, String name) {
        return new Principal(new UserId(userId), new DisplayName(name));
    }

    private static String token(String userId, String name) {
        return new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT).issue(principal(userId, name), Duration.ofMinutes(5));
    }

    private static TestClient connect(String token, String requestedName) {
        return ParleyCalls.connect(URI.create(parley.gateway().urls().webSocket() + "?token=" + token + "&name=" + requestedName));
    }

    private static void assertHandshakeRefused(String query, int status) {
        assertThatThrownBy(() -> TestClient.attempt(URI.create(parley.gateway().urls().webSocket() + query)).join())
                .as(query).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(status));
    }

    private static String bearer(Principal principal) {
        return "Bearer " + new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(principal, Duration.ofMinutes(5));
    }

    /** A broadcast with the key in x-api-key and the authorization header, each when not null. */
    private static HttpResponse<String> broadcast(String key, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(parley.gateway().urls().rest("broadcastmessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"from the operators\"}"));
        if (key != null) {
            request.header("x-api-key", key);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The active row of the user's connection: $connect wrote it before the handshake completed. */
    private static Map<String, AttributeValue> rowOf(String userId) {
        return dynamoDb.scanPaginator(request -> request.tableName("chatDetails-auth")).items().stream()
                .filter(item -> item.containsKey("UserId") && item.get("UserId").s().equals(userId))
                .filter(item -> !item.containsKey("DisconnectTime"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no active row of " + userId));
    }

    private static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }
}
