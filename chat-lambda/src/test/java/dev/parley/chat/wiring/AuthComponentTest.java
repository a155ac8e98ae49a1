package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.HandMadeTokens;
import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.auth.TokenVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The authorizer's graph: a given key, or the secret read once from Secrets Manager (a fake one on loopback). */
class AuthComponentTest {

    /** The SDK's standard way to point one service's clients at another endpoint. */
    private static final String SECRETS_MANAGER_ENDPOINT_PROPERTY = "aws.endpointUrlSecretsManager";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ParleyAuth-AbCdEf";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key"));

    /** A request Secrets Manager got: its target operation, body and signature header. */
    record Call(String target, Map<String, Object> body, String authorization) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer secretsManager;

    @BeforeEach
    void startSecretsManager() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secretsManager.createContext("/", this::answer);
        secretsManager.start();
        System.setProperty(SECRETS_MANAGER_ENDPOINT_PROPERTY,
                "http://127.0.0.1:" + secretsManager.getAddress().getPort());
    }

    @AfterEach
    void stopSecretsManager() {
        System.clearProperty(SECRETS_MANAGER_ENDPOINT_PROPERTY);
        secretsManager.stop(0);
    }

    @Test
    void givenGivenKey_tokenVerifier_checksWithItAndNeverAsksSecretsManager() throws Exception {
        TokenVerifier verifier = AuthComponent.create(
                AuthConfiguration.withKey(SigningKey.fromText(HandMadeTokens.SECRET)), TokenRules.DEFAULT, CREDENTIALS).tokenVerifier();

        assertThat(verifier.verify(token(HandMadeTokens.SECRET)).userId()).isEqualTo(new UserId("user-42"));
        assertThat(calls).isEmpty();
    }

    @Test
    void givenSecretInSecretsManager_tokenVerifier_readsItOnceSignedAndChecksWithIt() throws Exception {
        AuthComponent component = AuthComponent.create(new AuthConfiguration.InSecretsManager(SECRET_ARN, "eu-west-1"), TokenRules.DEFAULT, CREDENTIALS);

        TokenVerifier verifier = component.tokenVerifier();
        assertThat(component.tokenVerifier()).isSameAs(verifier);

        assertThat(verifier.verify(token(HandMadeTokens.OTHER_SECRET)).userId()).isEqualTo(new UserId("user-42"));
        assertThatThrownBy(() -> verifier.verify(token(HandMadeTokens.SECRET)))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(call.body()).containsEntry("SecretId", SECRET_ARN);
            assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/secretsmanager/");
        });
    }

    @Test
    void givenSecretsManagerRefusing_tokenVerifier_failsInsteadOfVerifyingWithoutAKey() {
        AuthComponent component = AuthComponent.create(
                new AuthConfiguration.InSecretsManager(SECRET_ARN.replace("ParleyAuth", "Missing"), "eu-west-1"), TokenRules.DEFAULT, CREDENTIALS);

        assertThatThrownBy(component::tokenVerifier).isInstanceOf(ResourceNotFoundException.class);
    }

    private static String token(String secret) {
        return HandMadeTokens.forUser(secret, "user-42", "Ada", Instant.now(), Instant.now().plusSeconds(60));
    }

    /** GetSecretValue as Secrets Manager's JSON protocol answers it: the secret, or not found. */
    private void answer(HttpExchange exchange) throws IOException {
        Map<String, Object> body = JSON.std.mapFrom(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        calls.add(new Call(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body,
                exchange.getRequestHeaders().getFirst("Authorization")));
        boolean known = SECRET_ARN.equals(body.get("SecretId"));
        String answer = known
                ? JSON.std.asString(Map.of("ARN", SECRET_ARN, "Name", "ParleyAuth", "SecretString", HandMadeTokens.OTHER_SECRET,
                        "VersionId", "d7a0b6b8-3f3c-4e0e-9d7b-0f6d9e8c7b6a", "VersionStages", List.of("AWSCURRENT")))
                : JSON.std.asString(Map.of("__type", "ResourceNotFoundException",
                        "Message", "Secrets Manager can't find the specified secret."));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        if (!known) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
        }
        exchange.sendResponseHeaders(known ? 200 : 400, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
