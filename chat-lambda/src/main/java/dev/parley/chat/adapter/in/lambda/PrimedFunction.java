package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.wiring.SnapStartPriming.Step.END_CONNECTION;
import static dev.parley.chat.wiring.SnapStartPriming.Step.LOOK_UP_CONNECTION;
import static dev.parley.chat.wiring.SnapStartPriming.Step.POST_TO_CONNECTION;
import static dev.parley.chat.wiring.SnapStartPriming.Step.QUERY_ROOM;
import static dev.parley.chat.wiring.SnapStartPriming.Step.READ_BROADCAST;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import dev.parley.chat.wiring.PrimingRehearsal;
import dev.parley.chat.wiring.SnapStartPriming;
import java.util.List;
import java.util.Map;

/**
 * Each chat function's SnapStart priming (see {@link SnapStartPriming}): its handler, rehearsing its own event on
 * in-memory adapters, and the AWS calls that change nothing which its role grants ({@link #calls()}, asserted
 * against the deployment's grants by deploy's tests). A handler's public constructor, the one Lambda calls, gets its
 * component from {@link ExecutionEnvironment#chatComponent(SnapStartPriming.Plan)} with its function's plan, which
 * registers the priming.
 */
public enum PrimedFunction implements SnapStartPriming.Plan {
    SEND_MESSAGE(LOOK_UP_CONNECTION, QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    CONNECT(QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    DISCONNECT(QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    /** Its role may only charge frames: a read of the sender's row is all it may do on the table. */
    DEFAULT(LOOK_UP_CONNECTION),
    JOIN(LOOK_UP_CONNECTION, QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    LEAVE(LOOK_UP_CONNECTION, QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    /**
     * Its role reads (its own Query of presences is on the rooms table) and never posts: the page goes back in the
     * route response.
     */
    MEMBERS(LOOK_UP_CONNECTION, QUERY_ROOM),
    HISTORY(LOOK_UP_CONNECTION, POST_TO_CONNECTION),
    BROADCAST(READ_BROADCAST, QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION),
    BROADCAST_STATUS(READ_BROADCAST),
    /** One page of a queued broadcast, as the SQS event source delivers it. */
    BROADCAST_WORKER(READ_BROADCAST, QUERY_ROOM, END_CONNECTION, POST_TO_CONNECTION);

    /** The user a rehearsed {@code $connect} is, as the authorizer would pass it on. */
    private static final Principal PRINCIPAL = new Principal(new UserId("parley-snapstart-priming"),
            new DisplayName("priming"));
    private static final Context REHEARSAL = new PrimingContext();

    private final List<SnapStartPriming.Step> steps;

    PrimedFunction(SnapStartPriming.Step... steps) {
        this.steps = List.of(steps);
    }

    @Override
    public String function() {
        return name();
    }

    @Override
    public List<SnapStartPriming.Step> steps() {
        return steps;
    }

    /**
     * One method rather than a body per constant: every function's init loads this enum, and a constant with a body is
     * a class of its own.
     */
    @Override
    public boolean rehearse(ChatComponent inMemory) {
        return switch (this) {
            case SEND_MESSAGE -> frameAnswered(new SendMessageHandler(inMemory), "sendMessage",
                    "{\"action\":\"sendMessage\",\"Message\":\"priming\"}");
            case CONNECT -> {
                // With the authorizer's user, as a deployment with REQUIRE_AUTH on hands it over (and one without may).
                APIGatewayV2WebSocketEvent event = webSocket(PrimingRehearsal.JOINER, "$connect", "CONNECT", null);
                event.getRequestContext().setAuthorizer(AuthorizerContext.of(PRINCIPAL));
                yield answered(new ConnectHandler(inMemory).handleRequest(event, REHEARSAL));
            }
            case DISCONNECT -> answered(new DisconnectHandler(inMemory).handleRequest(
                    webSocket(SnapStartPriming.NEVER_CONNECTED, "$disconnect", "DISCONNECT", null), REHEARSAL));
            case DEFAULT -> frameAnswered(new DefaultRouteHandler(inMemory), "$default", "{\"action\":\"ping\"}");
            case JOIN -> frameAnswered(new JoinRoomHandler(inMemory), "join",
                    "{\"action\":\"join\",\"room\":\"priming\"}");
            case LEAVE -> frameAnswered(new LeaveRoomHandler(inMemory), "leave",
                    "{\"action\":\"leave\",\"room\":\"priming\"}");
            case MEMBERS -> frameAnswered(new ListMembersHandler(inMemory), "members",
                    "{\"action\":\"members\",\"room\":\"lobby\"}");
            case HISTORY -> frameAnswered(new HistoryHandler(inMemory), "history",
                    "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":10}");
            case BROADCAST -> {
                var request = new APIGatewayProxyRequestEvent();
                request.setHttpMethod("POST");
                request.setPath("/broadcastmessage");
                request.setHeaders(Map.of("Content-Type", "application/json"));
                request.setBody("{\"message\":\"priming\"}");
                yield answered(new BroadcastHandler(inMemory).handleRequest(request, REHEARSAL).getStatusCode());
            }
            case BROADCAST_STATUS -> {
                var request = new APIGatewayProxyRequestEvent();
                request.setHttpMethod("GET");
                request.setPath("/broadcasts/" + PrimingRehearsal.BROADCAST);
                request.setPathParameters(Map.of(BroadcastStatusRoute.PATH_PARAMETER,
                        PrimingRehearsal.BROADCAST.toString()));
                yield answered(new BroadcastStatusHandler(inMemory).handleRequest(request, REHEARSAL).getStatusCode());
            }
            case BROADCAST_WORKER -> {
                var message = new SQSEvent.SQSMessage();
                message.setMessageId("parley-snapstart-priming");
                message.setBody(inMemory.broadcastWorkCodec().encode(
                        new BroadcastPage(PrimingRehearsal.BROADCAST, 0, List.of(PrimingRehearsal.PEER))));
                var event = new SQSEvent();
                event.setRecords(List.of(message));
                yield new BroadcastWorkerHandler(inMemory).handleRequest(event, REHEARSAL).getBatchItemFailures()
                        .isEmpty();
            }
        };
    }

    private static boolean answered(APIGatewayV2WebSocketResponse answer) {
        return answered(answer.getStatusCode());
    }

    private static boolean answered(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * Whether {@code handler} answered as it should a frame on {@code routeKey} from
     * {@link SnapStartPriming#NEVER_CONNECTED}, a member of the rehearsal's lobby.
     */
    private static boolean frameAnswered(WebSocketHandler handler, String routeKey, String body) {
        return answered(handler.handleRequest(
                webSocket(SnapStartPriming.NEVER_CONNECTED, routeKey, "MESSAGE", body), REHEARSAL));
    }

    private static APIGatewayV2WebSocketEvent webSocket(ConnectionId connection, String routeKey, String eventType,
            String body) {
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connection.value());
        context.setRequestId("parley-priming");
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }
}
