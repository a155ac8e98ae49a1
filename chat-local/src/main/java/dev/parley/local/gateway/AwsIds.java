package dev.parley.local.gateway;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers in the shapes API Gateway gives them. */
final class AwsIds {

    /** Eleven random bytes make API Gateway's 16-character ids, such as {@code L0SM9cOFvHcCIhw=}. */
    private static final int ID_BYTES = 11;
    private static final int API_ID_LENGTH = 10;
    private static final String API_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AwsIds() {}

    /**
     * A connection, request or message id: base64 of random bytes, ending in '='. The URL-safe alphabet keeps
     * {@code /} out of the id, which travels in the {@code @connections} path.
     */
    static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /** An API id, such as {@code a1b2c3d4e5}. */
    static String newApiId() {
        StringBuilder id = new StringBuilder(API_ID_LENGTH);
        for (int i = 0; i < API_ID_LENGTH; i++) {
            id.append(API_ID_ALPHABET.charAt(RANDOM.nextInt(API_ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
