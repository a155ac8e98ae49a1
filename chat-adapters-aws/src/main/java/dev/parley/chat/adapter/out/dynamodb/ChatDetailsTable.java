package dev.parley.chat.adapter.out.dynamodb;

import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code chatDetails} table in one place, for the registry, the local gateway's table creation and the
 * deployment. One item per connection, under the attribute names of the original tutorial's table, every time an
 * ISO-8601 UTC string; Parley adds the display name, the authorized user and the rooms it may join, why a connection
 * ended, the shard (and the user) that list it while it is active, its rooms, and the expiry time.
 *
 * <p>Beside them, the limits that outlive a connection ({@link DynamoDbLimitRegistry}, ADR 0009): under a key that
 * begins with {@value #LIMIT_KEY_PREFIX}, which no connection id can, since connection ids have no {@code #}, a sender's
 * send allowance ({@value #ALLOWANCE_KEY_PREFIX}{@code <user:id or connection:id>}: {@link #SEND_TOKENS},
 * {@link #SEND_TOKENS_AT}) and a user's open connections ({@value #CONNECTIONS_KEY_PREFIX}{@code <user id>}:
 * {@link #OPEN_CONNECTIONS}, {@link #REVISION}), each with {@link #EXPIRES_AT}. Neither has an index attribute.
 */
public final class ChatDetailsTable {

    public static final String DEFAULT_NAME = "chatDetails";

    /** Partition key (S): API Gateway's connection id. */
    public static final String CONNECTION_ID = "connectionId";
    public static final String CONNECTION_TIME = "ConnectionTime";
    public static final String DISCONNECT_TIME = "DisconnectTime";
    /** The latest message the connection sent, and when. */
    public static final String MESSAGE = "Message";
    public static final String LATEST_MESSAGE_TIME = "Latestmessagetime";
    /** The latest broadcast delivered to the connection, and when. */
    public static final String BROADCAST_MESSAGE = "BroadcastMessage";
    public static final String LATEST_BROADCAST_TIME = "LatestBroadcasttime";
    /** (S) The user who sent that broadcast, when authorization named one; absent otherwise. */
    public static final String BROADCAST_SENDER = "BroadcastSender";
    public static final String DISPLAY_NAME = "DisplayName";
    /** (S) The user the authorizer identified; absent on anonymous connections. */
    public static final String USER_ID = "UserId";
    /**
     * (L of S) The room patterns the connection's token admits it to, in the token's order; absent when it may join
     * every room.
     */
    public static final String ROOM_ACCESS = "RoomAccess";
    public static final String DISCONNECT_REASON = "DisconnectReason";
    /** What begins the key of every item that is not a connection. */
    public static final String LIMIT_KEY_PREFIX = "limit#";
    public static final String ALLOWANCE_KEY_PREFIX = LIMIT_KEY_PREFIX + "allowance#";
    public static final String CONNECTIONS_KEY_PREFIX = LIMIT_KEY_PREFIX + "connections#";
    /**
     * On an allowance: (N) how many tokens of its send rate the sender had left after its latest frame, and (S) when
     * that was, written only while they still hold what the charge read, so concurrent handler instances share one
     * token bucket per sender.
     */
    public static final String SEND_TOKENS = "SendTokens";
    public static final String SEND_TOKENS_AT = "SendTokensAt";
    /** (M of S) On a user's open connections: each connection id holding a place, with when it opened. */
    public static final String OPEN_CONNECTIONS = "OpenConnections";
    /** (N) On a user's open connections: the revision of the places, which each change increments. */
    public static final String REVISION = "Revision";
    /** (S) Present only while the connection is active, so the index below lists only active connections. */
    public static final String ACTIVE_SHARD = "ActiveShard";
    /** (N) Epoch seconds after which DynamoDB's time to live deletes the item; the deployment enables it. */
    public static final String EXPIRES_AT = "ExpiresAt";
    /**
     * (SS) The rooms the connection is a member of: the by-connection side of the rooms in {@link ChatRoomsTable}, and
     * the one attribute a join's room limit is checked against.
     */
    public static final String ROOMS = "Rooms";
    /** (S) The connection's {@link #USER_ID}, present only while it is active, so the index below is sparse too. */
    public static final String ACTIVE_USER = "ActiveUser";

    /**
     * Sparse index of the active connections: partition key {@link #ACTIVE_SHARD}, sort key {@link #CONNECTION_ID}.
     * A few shards instead of one constant key spread a busy chat's writes over several index partitions. It projects
     * what makes a {@code Connection} (name, time, user, room access), so a listed connection is the one that was
     * registered, and
     * its {@link #ROOMS}, so the lobby's members are the active connections a filter on them keeps.
     */
    public static final String ACTIVE_CONNECTIONS_INDEX = "ActiveConnections";

    /**
     * Sparse index of the active connections by user: partition key {@link #ACTIVE_USER}, sort key
     * {@link #CONNECTION_ID}, so a direct message to a user reads their connections with one Query. It projects what
     * makes a {@code Connection}, as the index above does.
     */
    public static final String ACTIVE_USERS_INDEX = "ActiveUsers";

    /** The names DynamoDB accepts, in words. */
    public static final String NAME_RULE = "3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'";

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private ChatDetailsTable() {
    }

    /** The table and its indexes, billed per request. Time to live is not part of it: the deployment turns it on. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(requireValidName(tableName))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(CONNECTION_ID),
                        stringAttribute(ACTIVE_SHARD),
                        stringAttribute(ACTIVE_USER))
                .keySchema(key(CONNECTION_ID, KeyType.HASH))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(ACTIVE_CONNECTIONS_INDEX)
                                .keySchema(key(ACTIVE_SHARD, KeyType.HASH), key(CONNECTION_ID, KeyType.RANGE))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(DISPLAY_NAME, CONNECTION_TIME, USER_ID, ROOM_ACCESS, ROOMS)
                                        .build())
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(ACTIVE_USERS_INDEX)
                                .keySchema(key(ACTIVE_USER, KeyType.HASH), key(CONNECTION_ID, KeyType.RANGE))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(DISPLAY_NAME, CONNECTION_TIME, USER_ID, ROOM_ACCESS)
                                        .build())
                                .build())
                .build();
    }

    /** The name when DynamoDB accepts it: {@value #NAME_RULE}. */
    public static String requireValidName(String tableName) {
        Objects.requireNonNull(tableName, "table name");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("not a DynamoDB table name: '" + tableName + "' (" + NAME_RULE + ")");
        }
        return tableName;
    }

    static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
