package dev.parley.chat.wiring;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.auth.TokenVerifier;
import java.time.Clock;
import javax.inject.Provider;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The authorizer's token verifier and its signing secret. The Secrets Manager client exists only in this graph, only
 * when the secret is in Secrets Manager, and only for the one read: it is closed once the secret is known.
 */
@Module
final class AuthModule {

    private AuthModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    /** Unscoped: {@link #signingKey} makes one for its one call and closes it. */
    @Provides
    static SecretsManagerClient secretsManagerClient(AuthConfiguration configuration, AwsCredentialsProvider credentials) {
        if (!(configuration instanceof AuthConfiguration.InSecretsManager inSecretsManager)) {
            throw new IllegalStateException("the signing secret is not configured to come from Secrets Manager");
        }
        return SecretsManagerClient.builder()
                .region(Region.of(inSecretsManager.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Provides
    @Singleton
    static SigningKey signingKey(AuthConfiguration configuration, Provider<SecretsManagerClient> secretsManager) {
        if (configuration instanceof AuthConfiguration.Given given) {
            return given.key();
        }
        String secretArn = ((AuthConfiguration.InSecretsManager) configuration).secretArn();
        try (SecretsManagerClient client = secretsManager.get()) {
            GetSecretValueResponse secret = client.getSecretValue(request -> request.secretId(secretArn));
            return secret.secretString() != null
                    ? SigningKey.fromText(secret.secretString())
                    : SigningKey.of(secret.secretBinary().asByteArray());
        }
    }

    @Provides
    @Singleton
    static TokenVerifier tokenVerifier(SigningKey key, Clock clock, TokenRules rules) {
        return new TokenVerifier(key, clock, rules);
    }
}
