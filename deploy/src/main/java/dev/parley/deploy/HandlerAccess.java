package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import java.util.List;

/**
 * What one handler does to AWS, read from its code: the DynamoDB actions it calls on the table and on the
 * active-connections index, and whether it posts to connections through the {@code @connections} API. Its function
 * is granted exactly that (ADR 0003).
 *
 * @param tableActions DynamoDB actions on the table itself
 * @param indexActions DynamoDB actions on the {@code ActiveConnections} index
 * @param postsToConnections whether it sends frames with {@code POST @connections/{id}}
 */
record HandlerAccess(List<String> tableActions, List<String> indexActions, boolean postsToConnections) {

    static final String PUT_ITEM = "dynamodb:PutItem";
    static final String GET_ITEM = "dynamodb:GetItem";
    static final String UPDATE_ITEM = "dynamodb:UpdateItem";
    static final String QUERY = "dynamodb:Query";

    /** Broadcast lists the recipients (Query), records the broadcast on each and marks the gone ones (UpdateItem). */
    static final HandlerAccess BROADCAST = new HandlerAccess(List.of(UPDATE_ITEM), List.of(QUERY), true);

    /** The {@code $connect} authorizer checks a token against its secret: it touches neither the table nor connections. */
    static final HandlerAccess AUTHORIZER = new HandlerAccess(List.of(), List.of(), false);

    HandlerAccess {
        tableActions = List.copyOf(tableActions);
        indexActions = List.copyOf(indexActions);
    }

    /**
     * Connect registers the connection (PutItem); disconnect marks its row with a conditional UpdateItem; sendMessage
     * reads the sender and a direct recipient (GetItem), records the message and marks gone recipients (UpdateItem),
     * lists the recipients (Query) and sends; {@code $default} only answers the frame and touches nothing.
     */
    static HandlerAccess of(WebSocketRoute route) {
        return switch (route) {
            case CONNECT -> new HandlerAccess(List.of(PUT_ITEM), List.of(), false);
            case DISCONNECT -> new HandlerAccess(List.of(UPDATE_ITEM), List.of(), false);
            case SEND_MESSAGE -> new HandlerAccess(List.of(GET_ITEM, UPDATE_ITEM), List.of(QUERY), true);
            case DEFAULT -> new HandlerAccess(List.of(), List.of(), false);
        };
    }
}
