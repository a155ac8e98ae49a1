package dev.parley.local;

import dev.parley.chat.auth.SigningKey;
import dev.parley.local.gateway.ApiKey;
import java.util.Objects;

/**
 * Authorization as the deployment has it: the {@code $connect} authorizer checks tokens signed with
 * {@code signingSecret}, and the broadcast endpoint needs {@code adminKey} in {@code x-api-key}. Neither value ever
 * appears in {@link #toString()}.
 *
 * @param signingSecret the secret tokens are signed with
 * @param adminKey the broadcast endpoint's key
 */
public record LocalAuthorization(SigningKey signingSecret, ApiKey adminKey) {

    public LocalAuthorization {
        Objects.requireNonNull(signingSecret, "signing secret");
        Objects.requireNonNull(adminKey, "admin key");
    }
}
