package dev.parley.chat.wiring;

import dev.parley.chat.auth.SigningKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where the authorizer's signing secret comes from: Secrets Manager on AWS, or given directly locally and in tests. */
public sealed interface AuthConfiguration permits AuthConfiguration.InSecretsManager, AuthConfiguration.Given {

    /** The ARN of the Secrets Manager secret holding the signing secret (the deployment sets it). */
    String SECRET_ARN_VARIABLE = "AUTH_SECRET_ARN";
    /** The signing secret itself, for running the handler outside AWS. */
    String SECRET_VARIABLE = "AUTH_SECRET";

    /**
     * The secret {@code secretArn} of Secrets Manager in {@code region}, read once, when the authorizer starts.
     *
     * @param secretArn the secret's ARN
     * @param region the region of Secrets Manager to ask
     */
    record InSecretsManager(String secretArn, String region) implements AuthConfiguration {

        public InSecretsManager {
            Objects.requireNonNull(secretArn, "secret ARN");
            Objects.requireNonNull(region, "region");
            if (!secretArn.startsWith("arn:")) {
                throw new IllegalArgumentException(SECRET_ARN_VARIABLE + " must be a secret's ARN (arn:...), not '"
                        + secretArn + "'");
            }
            if (region.isBlank()) {
                throw new IllegalArgumentException("the region must not be blank");
            }
        }
    }

    /** The key itself. */
    record Given(SigningKey key) implements AuthConfiguration {

        public Given {
            Objects.requireNonNull(key, "key");
        }
    }

    static AuthConfiguration withKey(SigningKey key) {
        return new Given(key);
    }

    /** Reads the function's environment; says which variables to set when neither or both are. */
    static AuthConfiguration fromEnvironment(Map<String, String> environment) {
        Optional<String> secretArn = value(environment, SECRET_ARN_VARIABLE);
        Optional<String> secret = value(environment, SECRET_VARIABLE);
        if (secretArn.isPresent() == secret.isPresent()) {
            throw new IllegalStateException("set exactly one of the environment variables " + SECRET_ARN_VARIABLE
                    + " (a Secrets Manager secret's ARN) and " + SECRET_VARIABLE + " (the secret itself, outside AWS)");
        }
        if (secret.isPresent()) {
            return new Given(SigningKey.fromText(secret.get()));
        }
        String region = value(environment, "AWS_REGION")
                .orElseThrow(() -> new IllegalStateException("environment variable AWS_REGION is not set"));
        return new InSecretsManager(secretArn.get(), region);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
