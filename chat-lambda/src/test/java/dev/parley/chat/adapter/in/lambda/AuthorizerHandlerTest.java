package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.auth.HandMadeTokens;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.wiring.AuthComponent;
import dev.parley.chat.wiring.AuthConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** The $connect authorizer, wired as the local gateway wires it, on the event API Gateway sends it. */
class AuthorizerHandlerTest {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/production/$connect";

    private final AuthorizerHandler authorizer = AuthorizerHandler.create(AuthComponent.create(
            AuthConfiguration.withKey(SigningKey.fromText(HandMadeTokens.SECRET)), TokenRules.DEFAULT,
            AnonymousCredentialsProvider.create()));
    private final RecordingContext context = new RecordingContext();

    @Test
    void givenValidToken_authorize_allowsThisConnectOnlyWithTheUserInTheContext() {
        String token = validToken("user-42", "Ada");

        IamPolicyResponseV1 policy = authorizer.handleRequest(event(token), context);

        assertThat(policy.getPrincipalId()).isEqualTo("user-42");
        assertThat(onlyStatement(policy)).isEqualTo(statement("Allow"));
        assertThat(policy.getContext()).isEqualTo(Map.of("userId", "user-42", "displayName", "Ada"));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("allowed user user-42"));
        assertNeverLogged(token);
    }

    @Test
    void givenTokenWithRoomsClaim_authorize_passesTheRoomsOnAsJsonTextForApiGatewayAcceptsOnlyStringsThere()
            throws IOException {
        String token = HandMadeTokens.signed(HandMadeTokens.SECRET, HandMadeTokens.HS256_HEADER,
                "{" + issuedForParley() + "\"sub\":\"user-42\",\"name\":\"Ada\",\"rooms\":[\"design\",\"team-*\"]}");

        IamPolicyResponseV1 policy = authorizer.handleRequest(event(token), context);

        assertThat(onlyStatement(policy)).isEqualTo(statement("Allow"));
        assertThat(policy.getContext()).isEqualTo(Map.of("userId", "user-42", "displayName", "Ada",
                "rooms", "[\"design\",\"team-*\"]"));
        var json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(IamPolicyResponseV1.class, getClass().getClassLoader()).toJson(policy, json);
        assertThat(JSON.std.mapFrom(json.toString(StandardCharsets.UTF_8)).get("context"))
                .isEqualTo(Map.of("userId", "user-42", "displayName", "Ada", "rooms", "[\"design\",\"team-*\"]"));
    }

    @Test
    void givenTokenWhoseNameHidesOrReordersText_authorize_deniesForA403() {
        String token = validToken("user-42", "Ada\\u202e");

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("INVALID_CLAIMS"));
    }

    @Test
    void givenTokenWithRoomsClaimOfTheWrongType_authorize_denies() {
        String token = HandMadeTokens.signed(HandMadeTokens.SECRET, HandMadeTokens.HS256_HEADER,
                "{" + issuedForParley() + "\"sub\":\"user-42\",\"name\":\"Ada\",\"rooms\":\"design\"}");

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("INVALID_CLAIMS"));
    }

    @Test
    void givenAllowPolicy_serialized_isTheJsonApiGatewayReads() throws IOException {
        IamPolicyResponseV1 policy = authorizer.handleRequest(event(validToken("user-42", "Ada")), context);

        var json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(IamPolicyResponseV1.class, getClass().getClassLoader()).toJson(policy, json);

        Map<String, Object> answer = JSON.std.mapFrom(json.toString(StandardCharsets.UTF_8));
        assertThat(answer).containsEntry("principalId", "user-42")
                .containsEntry("context", Map.of("userId", "user-42", "displayName", "Ada"))
                .containsEntry("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", "Allow", "Resource", List.of(METHOD_ARN)))));
    }

    @Test
    void givenExpiredToken_authorize_deniesWithoutContextAndLogsWhyButNotTheToken() {
        String token = HandMadeTokens.forUser(HandMadeTokens.SECRET, "user-42", "Ada",
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));

        IamPolicyResponseV1 policy = authorizer.handleRequest(event(token), context);

        assertDenied(policy);
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("denied", "EXPIRED"));
        assertNeverLogged(token);
    }

    @Test
    void givenTokenForAnotherAudience_authorize_deniesAndLogsWhy() {
        long now = Instant.now().getEpochSecond();
        String token = HandMadeTokens.signed(HandMadeTokens.SECRET, HandMadeTokens.HS256_HEADER, "{\"aud\":\"billing\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"sub\":\"user-42\",\"name\":\"Ada\"}");

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("denied", "WRONG_AUDIENCE"));
    }

    @Test
    void givenTokenMintedToLiveLongerThanTheMaximum_authorize_deniesAndLogsWhy() {
        String token = HandMadeTokens.forUser(HandMadeTokens.SECRET, "user-42", "Ada", Instant.now(),
                Instant.now().plus(TokenRules.DEFAULT_MAX_LIFETIME).plusSeconds(60));

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("denied", "TOO_LONG_LIVED"));
    }

    @Test
    void givenTokenWithoutIssueTime_authorize_denies() {
        long now = Instant.now().getEpochSecond();
        String token = HandMadeTokens.signed(HandMadeTokens.SECRET, HandMadeTokens.HS256_HEADER, "{\"aud\":\"parley\","
                + "\"exp\":" + (now + 600) + ",\"sub\":\"user-42\",\"name\":\"Ada\"}");

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("denied", "INVALID_CLAIMS", "iat"));
    }

    @Test
    void givenTokenSignedWithAnotherSecret_authorize_denies() {
        String token = HandMadeTokens.forUser(HandMadeTokens.OTHER_SECRET, "user-42", "Ada",
                Instant.now(), Instant.now().plusSeconds(3600));

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("BAD_SIGNATURE"));
    }

    @Test
    void givenUnsignedAlgNoneToken_authorize_denies() {
        String token = HandMadeTokens.base64Url("{\"alg\":\"none\"}") + "." + HandMadeTokens.base64Url(
                "{\"sub\":\"admin\",\"name\":\"Admin\",\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}") + ".";

        assertDenied(authorizer.handleRequest(event(token), context));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("UNSUPPORTED_ALGORITHM"));
    }

    @Test
    void givenGarbageToken_authorize_denies() {
        assertDenied(authorizer.handleRequest(event("garbage"), context));
    }

    @Test
    void givenNoTokenParameterOrAnEmptyOne_authorize_failsWithUnauthorizedForA401() {
        var withoutToken = event("unused");
        withoutToken.getQueryStringParameters().remove("token");
        var emptyToken = event("  ");
        var noQueryString = event("unused");
        noQueryString.setQueryStringParameters(null);

        for (var event : List.of(withoutToken, emptyToken, noQueryString)) {
            assertThatThrownBy(() -> authorizer.handleRequest(event, context))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessage("Unauthorized");
        }
    }

    @Test
    void givenEventWithoutMethodArn_authorize_failsSayingWhatItIsFor() {
        var event = event(validToken("user-42", "Ada"));
        event.setMethodArn(null);

        assertThatThrownBy(() -> authorizer.handleRequest(event, context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("methodArn");
    }

    /** The claims that make a token Parley's besides its user: the audience, issued now, valid for ten minutes. */
    private static String issuedForParley() {
        long now = Instant.now().getEpochSecond();
        return "\"aud\":\"parley\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",";
    }

    private static String validToken(String userId, String name) {
        return HandMadeTokens.forUser(HandMadeTokens.SECRET, userId, name, Instant.now(), Instant.now().plusSeconds(600));
    }

    private static void assertDenied(IamPolicyResponseV1 policy) {
        assertThat(policy.getPrincipalId()).isEqualTo("anonymous");
        assertThat(onlyStatement(policy)).isEqualTo(statement("Deny"));
        assertThat(policy.getContext()).isEmpty();
    }

    private static Map<String, Object> statement(String effect) {
        return Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", List.of(METHOD_ARN));
    }

    /** The policy's one statement, its resources as a list. */
    private static Map<String, Object> onlyStatement(IamPolicyResponseV1 policy) {
        Map<String, Object> document = policy.getPolicyDocument();
        assertThat(document).containsEntry("Version", "2012-10-17");
        Object[] statements = (Object[]) document.get("Statement");
        assertThat(statements).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = new HashMap<>((Map<String, Object>) statements[0]);
        statement.values().removeIf(value -> value == null);
        statement.put("Resource", List.of((String[]) statement.get("Resource")));
        return statement;
    }

    private void assertNeverLogged(String token) {
        assertThat(context.logged).noneSatisfy(line -> assertThat(line).contains(token));
        assertThat(context.logged).noneSatisfy(line -> assertThat(line).contains(token.split("\\.")[2]));
    }

    /** The WebSocket $connect authorizer event fixture, read with the Lambda runtime's deserialiser, with this token. */
    private static APIGatewayCustomAuthorizerEvent event(String token) {
        try (InputStream json = AuthorizerHandlerTest.class.getResourceAsStream("/events/authorizer-connect.json")) {
            var event = LambdaEventSerializers.serializerFor(APIGatewayCustomAuthorizerEvent.class,
                    AuthorizerHandlerTest.class.getClassLoader()).fromJson(json);
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
            query.put("token", token);
            event.setQueryStringParameters(query);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
