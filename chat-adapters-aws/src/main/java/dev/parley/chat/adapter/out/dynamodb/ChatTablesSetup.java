package dev.parley.chat.adapter.out.dynamodb;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The chat's tables on a local DynamoDB (dynalite), each created as the deployment defines it when it is not there
 * yet: chat-local and chat-server both start on an empty one.
 */
public final class ChatTablesSetup {

    /** A local DynamoDB such as dynalite takes any credentials; these keep the SDK from looking for real ones. */
    public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private ChatTablesSetup() {}

    /** Creates the chat details, rooms and history tables unless they exist, and waits until each is active. */
    public static void ensure(URI endpoint, String region, AwsCredentialsProvider credentials, String chatDetailsTable,
            String chatRoomsTable, String chatHistoryTable) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            ensure(client, ChatDetailsTable.createTableRequest(chatDetailsTable));
            ensure(client, ChatRoomsTable.createTableRequest(chatRoomsTable));
            ensure(client, ChatHistoryTable.createTableRequest(chatHistoryTable));
        }
    }

    private static void ensure(DynamoDbClient client, CreateTableRequest definition) {
        try {
            client.describeTable(request -> request.tableName(definition.tableName()));
        } catch (ResourceNotFoundException missing) {
            client.createTable(definition);
            client.waiter().waitUntilTableExists(request -> request.tableName(definition.tableName()));
        }
    }
}
