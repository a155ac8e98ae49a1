package dev.parley.bench.coldstart.probe;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The floor of the SDK parts Parley is built on, the Enhanced Client included (the project's choice for DynamoDB):
 * {@link SdkFloorCrtHandler}'s clients, plus an Enhanced Client over the DynamoDB client and a hand-built table schema
 * of the seed's row (its key and six attributes), and the sender's row read through them. With
 * {@code postsToConnections} false, the floor of a function that needs DynamoDB only.
 */
public class SdkFloorEnhancedHandler extends SdkFloorHandler {

    private static final TableSchema<SeedRow> SCHEMA = seedRowSchema();

    private final DynamoDbTable<SeedRow> table;

    public SdkFloorEnhancedHandler() {
        this(true);
    }

    protected SdkFloorEnhancedHandler(boolean postsToConnections) {
        super(AwsCrtHttpClient::create, postsToConnections);
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build().table(tableName(), SCHEMA);
    }

    @Override
    protected boolean findsSender(String connectionId) {
        return table.getItem(Key.builder().partitionValue(connectionId).build()) != null;
    }

    private static TableSchema<SeedRow> seedRowSchema() {
        var schema = StaticTableSchema.builder(SeedRow.class).newItemSupplier(SeedRow::new)
                .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.CONNECTION_ID)
                        .getter(row -> row.connectionId).setter((row, value) -> row.connectionId = value)
                        .tags(StaticAttributeTags.primaryPartitionKey()));
        for (String name : List.of(ChatDetailsTable.CONNECTION_TIME, ChatDetailsTable.DISCONNECT_TIME,
                ChatDetailsTable.MESSAGE, ChatDetailsTable.LATEST_MESSAGE_TIME, ChatDetailsTable.BROADCAST_MESSAGE,
                ChatDetailsTable.LATEST_BROADCAST_TIME)) {
            schema.addAttribute(String.class, attribute -> attribute.name(name)
                    .getter(row -> row.attributes.get(name)).setter((row, value) -> row.attributes.put(name, value)));
        }
        return schema.build();
    }

    /** The seed's row: the connection id and its six attributes by name. */
    private static final class SeedRow {
        private String connectionId;
        private final Map<String, String> attributes = new HashMap<>();
    }
}
