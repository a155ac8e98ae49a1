package dev.parley.chat.server.dynamodb;

import dev.parley.chat.adapter.out.dynamodb.ChatTablesSetup;
import dev.parley.chat.server.DynamoDbOptions;
import dev.parley.chat.server.ServerComponent;
import dev.parley.chat.wiring.domain.DomainSettings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds chat-server's graph on DynamoDB, after checking that DynamoDB answers, so a wrong one stops the start. */
public final class DynamoDbServer {

    private DynamoDbServer() {}

    /**
     * The graph on the tables {@code options} name: on a local endpoint created when missing (as chat-local does), on
     * AWS the deployment's, whose chat details table must be there.
     *
     * @throws IllegalStateException naming the endpoint or region when DynamoDB does not answer
     */
    public static ServerComponent component(DomainSettings settings, DynamoDbOptions options) {
        String where = options.endpoint().map(endpoint -> "DynamoDB at " + endpoint)
                .orElse("DynamoDB in " + options.region());
        try {
            if (options.endpoint().isPresent()) {
                ChatTablesSetup.ensure(options.endpoint().get(), options.region(), ChatTablesSetup.LOCAL_CREDENTIALS,
                        options.table(), DynamoDbAdaptersModule.ROOMS_TABLE, DynamoDbAdaptersModule.HISTORY_TABLE);
            }
            DynamoDbServerComponent component = DaggerDynamoDbServerComponent.builder()
                    .settings(settings)
                    .dynamoDb(options)
                    .build();
            DynamoDbClient client = component.dynamoDbClient();
            client.describeTable(request -> request.tableName(options.table()));
            return component;
        } catch (SdkException unanswered) {
            throw new IllegalStateException(where + " (table " + options.table() + "): "
                    + unanswered.getMessage(), unanswered);
        }
    }
}
