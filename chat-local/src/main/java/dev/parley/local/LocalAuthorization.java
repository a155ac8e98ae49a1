package dev.parley.local;

import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenRules;
import dev.parley.local.gateway.ApiKey;
import java.util.Objects;

/**
 * Authorization as the deployment has it: the {@code $connect} authorizer checks tokens signed with
 * {@code signingSecret} and {@code tokenRules}, and the broadcast endpoint needs {@code adminKey} in {@code x-api-key}.
 * Neither secret ever appears in {@link #toString()}.
 *
 * @param signingSecret the secret tokens are signed with
 * @param adminKey the broadcast endpoint's key
 * @param tokenRules the audience tokens must name and their longest lifetime, as {@code TOKEN_AUDIENCE} and
 *        {@code TOKEN_MAX_LIFETIME} set them on AWS
 */
public record LocalAuthorization(SigningKey signingSecret, ApiKey adminKey, TokenRules tokenRules) {

    public LocalAuthorization {
        Objects.requireNonNull(signingSecret, "signing secret");
        Objects.requireNonNull(adminKey, "admin key");
        Objects.requireNonNull(tokenRules, "token rules");
    }
}
