package dev.parley.chat.architecture.violations.tokensreadaws.auth;

import software.amazon.awssdk.regions.Region;

/** Breaks "tokens depend only on the JDK, the model and JSON": the key finds its own region to read itself from. */
public record AwsReadingSigningKey(byte[] bytes) {

    public static Region secretRegion(String name) {
        return Region.of(name);
    }
}
