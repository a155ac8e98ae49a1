package dev.parley.local;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A dynalite for an end-to-end test class, and a plain DynamoDB client to check its rows with (not the adapter). */
final class LocalDynamoDb implements AutoCloseable {

    private final Dynalite dynalite;
    private final DynamoDbClient client;

    private LocalDynamoDb(Dynalite dynalite) {
        this.dynalite = dynalite;
        this.client = clientFor(dynalite.endpoint());
    }

    static LocalDynamoDb start() {
        return new LocalDynamoDb(Dynalite.start(DynaliteOptions.inMemory()));
    }

    /** A plain DynamoDB client for {@code endpoint}, such as a dynalite the test started itself; the caller closes it. */
    static DynamoDbClient clientFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(ParleyLocal.LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    URI endpoint() {
        return dynalite.endpoint();
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        dynalite.close();
    }
}
