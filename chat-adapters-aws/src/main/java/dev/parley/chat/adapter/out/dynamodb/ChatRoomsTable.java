package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable.key;
import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable.stringAttribute;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The {@code chatRooms} table in one place, for the room registry, the local gateway's table creation and the
 * deployment (ADR 0008). One partition per room, holding three kinds of item under the sort key {@link #KEY}:
 * <ul>
 *   <li>{@code c#<connectionId>}, a membership: {@link #USER_ID}, {@link #DISPLAY_NAME}, {@link #JOINED_AT},
 *       {@link #EXPIRES_AT} (the lobby has none: its members are read from the chat details table);</li>
 *   <li>{@code p#<presenceKey>}, a presence: {@link #CONNECTIONS}, and the member shown for it ({@link #CONNECTION_ID},
 *       {@link #USER_ID}, {@link #DISPLAY_NAME}), {@link #EXPIRES_AT};</li>
 *   <li>{@value #COUNT_KEY}, the room's {@link #PRESENCES}.</li>
 * </ul>
 */
public final class ChatRoomsTable {

    public static final String DEFAULT_NAME = "chatRooms";

    /** Partition key (S): the room's name. */
    public static final String ROOM = "Room";
    /** Sort key (S): what the item is, by its prefix. */
    public static final String KEY = "Key";

    public static final String MEMBERSHIP_PREFIX = "c#";
    public static final String PRESENCE_PREFIX = "p#";
    public static final String COUNT_KEY = "#count";

    /** (S) On a membership and a presence: the member's user, absent for an anonymous connection. */
    public static final String USER_ID = "UserId";
    /** (S) On a membership and a presence: the member's name. */
    public static final String DISPLAY_NAME = "DisplayName";
    /** (S) On a membership: when the connection joined, ISO-8601 UTC. */
    public static final String JOINED_AT = "JoinedAt";
    /** (SS) On a presence: its connections in the room; absent once the last one left. */
    public static final String CONNECTIONS = "Connections";
    /** (S) On a presence: the connection that joined it last, the one a member list shows. */
    public static final String CONNECTION_ID = "ConnectionId";
    /** (N) On the count: how many presences have {@link #CONNECTIONS}. */
    public static final String PRESENCES = "Presences";
    /**
     * (N) On a membership and a presence: epoch seconds after which DynamoDB's time to live deletes it, and after which
     * reads ignore it (dynalite never deletes it). The deployment enables it.
     */
    public static final String EXPIRES_AT = "ExpiresAt";

    private ChatRoomsTable() {
    }

    /** The table, billed per request, without indexes: every read is by room. Time to live is the deployment's. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(requireValidName(tableName))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(ROOM), stringAttribute(KEY))
                .keySchema(key(ROOM, KeyType.HASH), key(KEY, KeyType.RANGE))
                .build();
    }

    /** The name when DynamoDB accepts it: {@value ChatDetailsTable#NAME_RULE}. */
    public static String requireValidName(String tableName) {
        return ChatDetailsTable.requireValidName(tableName);
    }
}
