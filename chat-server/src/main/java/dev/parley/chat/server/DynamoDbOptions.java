package dev.parley.chat.server;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where chat-server keeps its connections, rooms, limits and history when not in memory.
 *
 * @param endpoint a local DynamoDB such as dynalite, signed to with dummy credentials, its tables created when
 *     missing; without it, AWS's DynamoDB in {@code region}, with the default credentials provider chain and the
 *     deployment's tables
 * @param region   the AWS region
 * @param table    the chat details table (connections); the rooms and history tables have their default names
 */
public record DynamoDbOptions(Optional<URI> endpoint, String region, String table) {

    public static final String DEFAULT_REGION = "us-east-1";

    public DynamoDbOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        endpoint.ifPresent(DynamoDbOptions::requireHttpUrl);
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("--region must not be blank");
        }
        Objects.requireNonNull(table, "table");
    }

    private static void requireHttpUrl(URI endpoint) {
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("--dynamodb-endpoint must be an http or https URL such as "
                    + "http://127.0.0.1:8000, not '" + endpoint + "'");
        }
    }
}
