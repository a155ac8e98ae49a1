package dev.parley.chat.architecture.violations.authorizerreadssecret.adapter.in.lambda.authorizer;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Breaks "inbound adapters never touch the AWS SDK" and "only the wiring builds a Secrets Manager client". */
public final class SecretReadingAuthorizerHandler {

    public String signingSecret(String secretArn) {
        try (SecretsManagerClient client = SecretsManagerClient.create()) {
            return client.getSecretValue(request -> request.secretId(secretArn)).secretString();
        }
    }
}
