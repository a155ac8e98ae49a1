package dev.parley.local;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The chat details table on the local DynamoDB, created as the deployment defines it when it is not there yet. */
final class ChatDetailsTableSetup {

    private ChatDetailsTableSetup() {}

    /** Creates {@code tableName} unless it exists, and waits until it is active. True when it was created. */
    static boolean ensure(URI endpoint, String region, AwsCredentialsProvider credentials, String tableName) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            try {
                client.describeTable(request -> request.tableName(tableName));
                return false;
            } catch (ResourceNotFoundException missing) {
                client.createTable(ChatDetailsTable.createTableRequest(tableName));
                client.waiter().waitUntilTableExists(request -> request.tableName(tableName));
                return true;
            }
        }
    }
}
