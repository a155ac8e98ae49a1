package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.auth.HandMadeTokens;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.wiring.AuthComponent;
import dev.parley.chat.wiring.AuthConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** Who may broadcast: the REST TOKEN authorizer, wired as the local gateway wires it, on API Gateway's TOKEN event. */
class BroadcastAuthorizerHandlerTest {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:f6g7h8i9j0/dev/POST/broadcastmessage";
    private static final TokenIssuer ISSUER = new TokenIssuer(SigningKey.fromText(HandMadeTokens.SECRET), Clock.systemUTC(),
            TokenRules.DEFAULT);

    private final BroadcastAuthorizerHandler authorizer = BroadcastAuthorizerHandler.create(AuthComponent.create(
            AuthConfiguration.withKey(SigningKey.fromText(HandMadeTokens.SECRET)), TokenRules.DEFAULT,
            AnonymousCredentialsProvider.create()));
    private final RecordingContext context = new RecordingContext();

    @Test
    void givenAdministratorsBearerToken_authorize_allowsThisMethodWithTheUserInTheContext() {
        String token = ISSUER.issue(admin("ops-1"), Duration.ofMinutes(5));

        IamPolicyResponseV1 policy = authorizer.handleRequest(event("Bearer " + token), context);

        assertThat(policy.getPrincipalId()).isEqualTo("ops-1");
        assertThat(statement(policy)).containsEntry("Effect", "Allow").containsEntry("Action", "execute-api:Invoke");
        assertThat((String[]) statement(policy).get("Resource")).containsExactly(METHOD_ARN);
        assertThat(policy.getContext()).isEqualTo(Map.of("userId", "ops-1", "displayName", "Ops"));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("allowed administrator ops-1"))
                .noneSatisfy(line -> assertThat(line).contains(token.split("\\.")[2]));
    }

    @Test
    void givenMembersToken_authorize_deniesForA403() {
        String token = ISSUER.issue(new Principal(new UserId("user-42"), new DisplayName("Ada")), Duration.ofMinutes(5));

        IamPolicyResponseV1 policy = authorizer.handleRequest(event("bearer " + token), context);

        assertThat(statement(policy)).containsEntry("Effect", "Deny");
        assertThat(policy.getContext()).isEmpty();
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("denied user user-42", "not an administrator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer not-a-token", "Token abc"})
    void givenNoBearerTokenOrAnInvalidOne_authorize_failsWithUnauthorizedForA401(String header) {
        assertThatThrownBy(() -> authorizer.handleRequest(event(header), context)).hasMessage("Unauthorized");
    }

    @Test
    void givenExpiredAdministratorsTokenOrOneForAnotherAudience_authorize_failsWithUnauthorized() {
        String expired = new TokenIssuer(SigningKey.fromText(HandMadeTokens.SECRET),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC), TokenRules.DEFAULT)
                .issue(admin("ops-1"), Duration.ofHours(1));
        String otherAudience = new TokenIssuer(SigningKey.fromText(HandMadeTokens.SECRET), Clock.systemUTC(),
                new TokenRules("billing", Duration.ofHours(1))).issue(admin("ops-1"), Duration.ofMinutes(5));

        for (String token : List.of(expired, otherAudience)) {
            assertThatThrownBy(() -> authorizer.handleRequest(event("Bearer " + token), context)).hasMessage("Unauthorized");
        }
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("EXPIRED"))
                .anySatisfy(line -> assertThat(line).contains("WRONG_AUDIENCE"));
    }

    private static Principal admin(String userId) {
        return new Principal(new UserId(userId), new DisplayName("Ops"), RoomAccess.EVERY_ROOM, Role.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(IamPolicyResponseV1 policy) {
        Object[] statements = (Object[]) policy.getPolicyDocument().get("Statement");
        assertThat(statements).hasSize(1);
        return (Map<String, Object>) statements[0];
    }

    /** API Gateway's TOKEN authorizer event: the header's value and the method called. */
    private static APIGatewayCustomAuthorizerEvent event(String authorizationHeader) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken(authorizationHeader);
        event.setMethodArn(METHOD_ARN);
        return event;
    }
}
