package dev.parley.local.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The key a REST API's methods require in {@code x-api-key}, as an API Gateway API key with a usage plan. */
public final class ApiKey {

    /** API Gateway's shortest API key. */
    public static final int MIN_LENGTH = 20;

    private final byte[] value;

    public ApiKey(String value) {
        Objects.requireNonNull(value, "API key");
        if (value.length() < MIN_LENGTH || !value.strip().equals(value)) {
            throw new IllegalArgumentException("an API key has at least " + MIN_LENGTH
                    + " characters, without surrounding spaces; generate one with: openssl rand -hex 20");
        }
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code candidate} is this key, compared in constant time. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The key itself, for what signs with it as a secret (SigV4 on {@code @connections}); never to be shown. */
    public String signingSecret() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "ApiKey[" + value.length + " bytes]";
    }
}
