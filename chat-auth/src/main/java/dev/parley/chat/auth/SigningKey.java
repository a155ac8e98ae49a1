package dev.parley.chat.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret that signs and verifies tokens with HMAC-SHA256. RFC 7518 requires an HS256 key of at least the
 * hash's size, 256 bits; a shorter one is refused rather than quietly weakening every token.
 */
public final class SigningKey {

    public static final int MIN_BYTES = 32;
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final SecretKeySpec key;

    private SigningKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a signing secret needs at least " + MIN_BYTES + " bytes (256 bits), not "
                    + secret.length + "; generate one with: openssl rand -base64 48");
        }
        this.key = new SecretKeySpec(secret, HMAC_SHA256);
    }

    /** The secret's bytes. */
    public static SigningKey of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        return new SigningKey(Arrays.copyOf(secret, secret.length));
    }

    /** The secret as text, such as Secrets Manager's generated string: its UTF-8 bytes are the key. */
    public static SigningKey fromText(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SigningKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code data} under this key. */
    byte[] sign(byte[] data) {
        try {
            // A Mac is not thread-safe; a new one per token costs microseconds.
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            // Every Java platform must provide HmacSHA256, and the key is a valid HMAC key.
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    /** Never the secret itself: keys end up in log lines and exception messages by accident. */
    @Override
    public String toString() {
        return "SigningKey[HS256, " + key.getEncoded().length + " bytes]";
    }
}
