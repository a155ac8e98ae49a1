package dev.parley.chat.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.auth.InvalidTokenException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The compact serialization of a JWS (RFC 7515), {@code header.claims.signature}: base64url without padding, of UTF-8
 * JSON objects; and the names Parley's tokens use.
 */
final class JwtEncoding {

    /** HMAC-SHA256, the only algorithm Parley signs or accepts. */
    static final String ALGORITHM = "HS256";
    static final String TYPE = "JWT";

    static final String ALGORITHM_HEADER = "alg";
    static final String TYPE_HEADER = "typ";
    static final String CRITICAL_HEADER = "crit";

    static final String SUBJECT = "sub";
    static final String NAME = "name";
    static final String EXPIRES = "exp";
    static final String NOT_BEFORE = "nbf";
    static final String ISSUED_AT = "iat";
    static final String AUDIENCE = "aud";
    /** Parley's own claim: the rooms the token admits, a JSON array of names and prefixes ending in {@code *}. */
    static final String ROOMS = "rooms";
    /** Parley's own claim: what else the user may do, {@code "admin"} (broadcast); absent for a member. */
    static final String ROLE = "role";

    /**
     * Duplicate names are refused: with two {@code alg} or {@code sub} members, two readers of the same token could
     * each see a different one.
     */
    private static final JSON STRICT_JSON = JSON.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private JwtEncoding() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static String encodeJson(Map<String, Object> object) {
        try {
            return encode(STRICT_JSON.asBytes(object));
        } catch (IOException impossible) {
            // Writing maps of strings and numbers to memory does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * The bytes of one part. Only the one canonical spelling is accepted (no padding, no stray bits), so that a token
     * has exactly one valid form.
     */
    static byte[] decode(String part, String what) throws InvalidTokenException {
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidTokenException(Reason.MALFORMED, "the " + what + " is not base64url");
        }
        if (!encode(bytes).equals(part)) {
            throw new InvalidTokenException(Reason.MALFORMED, "the " + what + " is not canonical unpadded base64url");
        }
        return bytes;
    }

    /** A decoded part that must be a UTF-8 JSON object with unique member names. */
    static Map<String, Object> json(byte[] bytes, String what) throws InvalidTokenException {
        Object parsed;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            parsed = STRICT_JSON.anyFrom(text);
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidTokenException(Reason.MALFORMED, "the " + what + " is not UTF-8");
        } catch (IOException | RuntimeException notJson) {
            throw new InvalidTokenException(Reason.MALFORMED, "the " + what + " is not valid JSON (or repeats a name)");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidTokenException(Reason.MALFORMED, "the " + what + " is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return members;
    }
}
