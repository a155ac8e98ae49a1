package dev.parley.chat.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens written out by hand, header and claims as JSON text and signed with the JDK directly, so the tests can
 * make any token (a wrong algorithm, a duplicate claim, a string where a number belongs) without the code under test.
 */
public final class HandMadeTokens {

    public static final String SECRET = "correct-horse-battery-staple-0123456789-abcdef";
    public static final String OTHER_SECRET = "another-secret-of-enough-length-0123456789-zyx";
    public static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private HandMadeTokens() {}

    /** {@code header.claims.signature}, signed with HMAC-SHA256 under {@code secret}. */
    public static String signed(String secret, String headerJson, String claimsJson) {
        String signingInput = base64Url(headerJson) + "." + base64Url(claimsJson);
        return signingInput + "." + base64Url(hmac(secret, signingInput));
    }

    /** An HS256 token for Parley's default audience with the claims of a user valid from {@code issuedAt} until {@code expires}. */
    public static String forUser(String secret, String userId, String name, Instant issuedAt, Instant expires) {
        return signed(secret, HS256_HEADER, "{\"aud\":\"" + TokenRules.DEFAULT_AUDIENCE + "\",\"sub\":\"" + userId
                + "\",\"name\":\"" + name + "\",\"iat\":"
                + issuedAt.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}");
    }

    public static String base64Url(String text) {
        return base64Url(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
