package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one handler does to AWS, read from its code: the DynamoDB actions it calls on each table and index, and whether
 * it posts to connections through the {@code @connections} API. Its function is granted exactly that (ADR 0003). Each
 * handler's access is the sum of what the registry methods its use case calls send, as ADR 0008's "What each
 * operation calls" lists them.
 *
 * @param dynamoDb the DynamoDB actions on each table and index the function touches
 * @param postsToConnections whether it sends frames with {@code POST @connections/{id}}
 */
record HandlerAccess(Map<Resource, Set<String>> dynamoDb, boolean postsToConnections) {

    /** What a grant is on. */
    enum Resource {
        /** The {@code chatDetails} table: the connections' rows. */
        CHAT_DETAILS,
        /** Its {@code ActiveConnections} index: every active connection, and the lobby's members. */
        ACTIVE_CONNECTIONS,
        /** Its {@code ActiveUsers} index: a user's active connections. */
        ACTIVE_USERS,
        /** The {@code chatRooms} table: memberships, presences and presence counts. */
        CHAT_ROOMS,
        /** The {@code chatHistory} table: rooms' heads and messages, and send receipts. */
        CHAT_HISTORY
    }

    static final String PUT_ITEM = "dynamodb:PutItem";
    static final String GET_ITEM = "dynamodb:GetItem";
    static final String UPDATE_ITEM = "dynamodb:UpdateItem";
    static final String DELETE_ITEM = "dynamodb:DeleteItem";
    static final String QUERY = "dynamodb:Query";

    static final HandlerAccess NOTHING = new HandlerAccess(Map.of(), false);

    /** {@code ConnectionRegistry.register}. */
    private static final HandlerAccess REGISTER = on(Resource.CHAT_DETAILS, PUT_ITEM);
    /** {@code ConnectionRegistry.find} and {@code findActive}. */
    private static final HandlerAccess FIND = on(Resource.CHAT_DETAILS, GET_ITEM);
    /** {@code ConnectionRegistry.recordMessage}, {@code recordBroadcast} and {@code markDisconnected}. */
    private static final HandlerAccess UPDATE_ROW = on(Resource.CHAT_DETAILS, UPDATE_ITEM);
    /** {@code ConnectionRegistry.activeConnections}. */
    private static final HandlerAccess ACTIVE = on(Resource.ACTIVE_CONNECTIONS, QUERY);
    /** {@code ConnectionRegistry.activeConnectionsOf} a user. */
    private static final HandlerAccess ACTIVE_OF_USER = on(Resource.ACTIVE_USERS, QUERY);
    /**
     * {@code LimitRegistry}: a sender's allowance or a user's places, items of the {@code chatDetails} table read
     * consistently and written with one conditional PutItem (ADR 0009).
     */
    private static final HandlerAccess LIMITS = on(Resource.CHAT_DETAILS, GET_ITEM, PUT_ITEM);
    /** Every frame a client sends costs a token of its sender's allowance before it is read. */
    private static final HandlerAccess CHARGE = LIMITS;
    /** {@code RoomRegistry.roomsOf} and {@code isMember}: the connection's row, read consistently. */
    private static final HandlerAccess ROOMS_OF = FIND;
    /** {@code RoomRegistry.join}: the room on the row (read back when refused), the membership, presence and count. */
    private static final HandlerAccess ROOM_JOIN = on(Resource.CHAT_DETAILS, UPDATE_ITEM, GET_ITEM)
            .plus(on(Resource.CHAT_ROOMS, PUT_ITEM, UPDATE_ITEM, GET_ITEM, DELETE_ITEM));
    /** {@code RoomRegistry.leave}: the presence, count and membership, then the room off the row. */
    private static final HandlerAccess ROOM_LEAVE = UPDATE_ROW.plus(on(Resource.CHAT_ROOMS, UPDATE_ITEM, DELETE_ITEM, GET_ITEM));
    /** {@code RoomRegistry.members} of any room: the lobby's from the active connections, the others' by room. */
    private static final HandlerAccess ROOM_MEMBERS = ACTIVE.plus(on(Resource.CHAT_ROOMS, QUERY));
    /** {@code RoomRegistry.presences}: a page of them and the count. */
    private static final HandlerAccess PRESENCES = on(Resource.CHAT_ROOMS, QUERY, GET_ITEM);
    private static final HandlerAccess POST = new HandlerAccess(Map.of(), true);
    /** {@code MessageHistory.head}: read consistently, started (put) the first time. ADR 0010. */
    private static final HandlerAccess HISTORY_HEAD = on(Resource.CHAT_HISTORY, GET_ITEM, PUT_ITEM);
    /** {@code MessageHistory.entries} and {@code latest}: a resume's messages, a page. */
    private static final HandlerAccess HISTORY_READ = on(Resource.CHAT_HISTORY, QUERY);
    /**
     * {@code MessageHistory.allocate}, {@code store} and {@code markVoid}; {@code SendReceipts.claim} (read back when
     * held), {@code settle} and {@code release}.
     */
    private static final HandlerAccess HISTORY_SEND = on(Resource.CHAT_HISTORY, UPDATE_ITEM, PUT_ITEM, GET_ITEM,
            DELETE_ITEM);

    /**
     * What every send does when {@code @connections} answers 410, and {@code $disconnect} always: marks the connection
     * ended, gives back its user's place, reads its rooms and leaves each, announcing every leave to the room's members,
     * which may find more gone.
     */
    private static final HandlerAccess CLEANUP = UPDATE_ROW.plus(FIND).plus(LIMITS).plus(ROOMS_OF).plus(ROOM_LEAVE)
            .plus(ROOM_MEMBERS).plus(POST);

    /**
     * {@code BroadcastRecords}: a queued broadcast's record, put when accepted, read, and counted (a refused page's
     * recipients as failed) and finished with conditional updates.
     */
    private static final HandlerAccess BROADCAST_RECORDS = on(Resource.CHAT_HISTORY, PUT_ITEM, GET_ITEM, UPDATE_ITEM);

    /**
     * Broadcast lists the recipients (every active connection, or a room's); within the inline limit it records the
     * broadcast on each and sends, beyond it it records the queued broadcast (and queues its pages: an SQS grant).
     */
    static final HandlerAccess BROADCAST = ACTIVE.plus(ROOM_MEMBERS).plus(UPDATE_ROW).plus(POST).plus(CLEANUP)
            .plus(BROADCAST_RECORDS);

    /** The status of a queued broadcast: its record, read. */
    static final HandlerAccess BROADCAST_STATUS = on(Resource.CHAT_HISTORY, GET_ITEM);

    /**
     * The worker reads the broadcast's record, marks it begun, sends to its page's recipients, records the broadcast on
     * each reached, cleans up those found gone, and counts the page and finishes the broadcast with conditional updates.
     */
    static final HandlerAccess BROADCAST_WORKER = on(Resource.CHAT_HISTORY, GET_ITEM, UPDATE_ITEM).plus(UPDATE_ROW)
            .plus(POST).plus(CLEANUP);

    /** The {@code $connect} authorizer checks a token against its secret: it touches neither the tables nor connections. */
    static final HandlerAccess AUTHORIZER = NOTHING;

    HandlerAccess {
        Map<Resource, Set<String>> copy = new EnumMap<>(Resource.class);
        dynamoDb.forEach((resource, actions) -> {
            if (!actions.isEmpty()) {
                copy.put(resource, Set.copyOf(actions));
            }
        });
        dynamoDb = Map.copyOf(copy);
    }

    /**
     * Connect takes a place of its user's, registers the connection and joins the lobby, announcing it there;
     * disconnect marks the row and leaves every room; every other route first charges the frame to its sender;
     * sendMessage reads the sender (and a direct recipient), records the message, lists the room's members or the
     * user's connections and sends; join reads the joiner, joins and answers the first page of presences; leave reads
     * the leaver and leaves; members checks the membership and answers a page; sendMessage stores a room message in its
     * history and join reads it (ADR 0010); history checks the membership, reads a page and sends it to the asker
     * (which never meets a recipient it must clean up: only its own connection); {@code $default} answers the frame.
     * Every announcement or message sent may find recipients gone, and cleans them up.
     */
    static HandlerAccess of(WebSocketRoute route) {
        return switch (route) {
            case CONNECT -> LIMITS.plus(REGISTER).plus(ROOM_JOIN).plus(CLEANUP);
            case DISCONNECT -> UPDATE_ROW.plus(CLEANUP);
            case SEND_MESSAGE -> CHARGE.plus(FIND).plus(UPDATE_ROW).plus(ROOMS_OF).plus(ROOM_MEMBERS).plus(ACTIVE_OF_USER)
                    .plus(POST).plus(HISTORY_SEND).plus(CLEANUP);
            case JOIN -> CHARGE.plus(FIND).plus(ROOM_JOIN).plus(PRESENCES).plus(HISTORY_HEAD).plus(HISTORY_READ)
                    .plus(CLEANUP);
            case LEAVE -> CHARGE.plus(FIND).plus(ROOM_LEAVE).plus(CLEANUP);
            case MEMBERS -> CHARGE.plus(ROOMS_OF).plus(PRESENCES);
            case HISTORY -> CHARGE.plus(ROOMS_OF).plus(HISTORY_HEAD).plus(HISTORY_READ).plus(POST);
            case DEFAULT -> CHARGE;
        };
    }

    /** The actions on {@code resource}, sorted so the template is the same on every synth; none when there are none. */
    List<String> actionsOn(Resource resource) {
        return List.copyOf(new TreeSet<>(dynamoDb.getOrDefault(resource, Set.of())));
    }

    /** Everything this and {@code other} do. */
    HandlerAccess plus(HandlerAccess other) {
        Map<Resource, Set<String>> both = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            Set<String> actions = new TreeSet<>(actionsOn(resource));
            actions.addAll(other.actionsOn(resource));
            both.put(resource, actions);
        }
        return new HandlerAccess(both, postsToConnections || other.postsToConnections);
    }

    private static HandlerAccess on(Resource resource, String... actions) {
        return new HandlerAccess(Map.of(resource, Set.of(actions)), false);
    }
}
