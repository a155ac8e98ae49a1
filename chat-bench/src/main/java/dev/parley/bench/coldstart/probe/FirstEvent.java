package dev.parley.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/**
 * Each Parley function's first event, as API Gateway hands it over, built in code so every probe pays the same for it.
 * The handler is named by its class only, so the probe loads none of Parley's classes before the runtime would.
 */
public enum FirstEvent {
    CONNECT("dev.parley.chat.adapter.in.lambda.ConnectHandler") {
        @Override
        Object event(String sender) {
            APIGatewayV2WebSocketEvent event = webSocket(sender, "$connect", "CONNECT", null);
            event.setQueryStringParameters(Map.of("name", "Ann"));
            return event;
        }
    },
    DISCONNECT("dev.parley.chat.adapter.in.lambda.DisconnectHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "$disconnect", "DISCONNECT", null);
        }
    },
    /** The keep-alive ping, the frame {@code $default} sees most. */
    DEFAULT("dev.parley.chat.adapter.in.lambda.DefaultRouteHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "$default", "MESSAGE", "{\"action\":\"ping\"}");
        }
    },
    SEND_MESSAGE("dev.parley.chat.adapter.in.lambda.SendMessageHandler") {
        @Override
        Object event(String sender) {
            return SendMessageEvents.sendMessage(sender, "cold hello");
        }
    },
    JOIN("dev.parley.chat.adapter.in.lambda.JoinRoomHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "join", "MESSAGE", "{\"action\":\"join\",\"room\":\"" + ROOM + "\"}");
        }
    },
    LEAVE("dev.parley.chat.adapter.in.lambda.LeaveRoomHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "leave", "MESSAGE", "{\"action\":\"leave\",\"room\":\"" + ROOM + "\"}");
        }
    },
    MEMBERS("dev.parley.chat.adapter.in.lambda.ListMembersHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "members", "MESSAGE", "{\"action\":\"members\",\"room\":\"lobby\"}");
        }
    },
    HISTORY("dev.parley.chat.adapter.in.lambda.HistoryHandler") {
        @Override
        Object event(String sender) {
            return webSocket(sender, "history", "MESSAGE", "{\"action\":\"history\",\"room\":\"lobby\",\"limit\":10}");
        }
    },
    BROADCAST("dev.parley.chat.adapter.in.lambda.BroadcastHandler") {
        @Override
        Object event(String sender) {
            var event = new APIGatewayProxyRequestEvent();
            event.setHttpMethod("POST");
            event.setPath("/broadcastmessage");
            event.setHeaders(Map.of("Content-Type", "application/json"));
            event.setBody("{\"message\":\"cold broadcast\"}");
            event.setIsBase64Encoded(false);
            return event;
        }
    },
    /** The status of a broadcast nobody started: answered 404, after one read. */
    BROADCAST_STATUS("dev.parley.chat.adapter.in.lambda.BroadcastStatusHandler") {
        @Override
        Object event(String sender) {
            var event = new APIGatewayProxyRequestEvent();
            event.setHttpMethod("GET");
            event.setPath("/broadcasts/" + NO_BROADCAST);
            event.setPathParameters(Map.of("broadcastId", NO_BROADCAST));
            return event;
        }
    },
    /**
     * The queued broadcasts' worker with one page of work, as the SQS event source delivers it (a batch of one): the
     * page {@link #PAGE_VARIABLE} holds, of the broadcast the harness recorded as {@link #WORKER_BROADCAST}.
     */
    WORKER("dev.parley.chat.adapter.in.lambda.BroadcastWorkerHandler") {
        @Override
        Object event(String sender) {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("0b9b5c3e-cold-start-page-0");
            message.setEventSource("aws:sqs");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:parley-broadcast-pages");
            message.setAwsRegion("us-east-1");
            message.setBody(System.getenv(PAGE_VARIABLE));
            var event = new SQSEvent();
            event.setRecords(List.of(message));
            return event;
        }
    },
    /** The WebSocket authorizer with the token of {@link #TOKEN_VARIABLE}. */
    AUTHORIZER("dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler") {
        @Override
        Object event(String sender) {
            APIGatewayCustomAuthorizerEvent event = authorizer("REQUEST", "/$connect");
            event.setQueryStringParameters(Map.of("token", System.getenv(TOKEN_VARIABLE)));
            return event;
        }
    },
    /** The broadcast endpoint's authorizer with the (administrator's) token of {@link #TOKEN_VARIABLE}. */
    BROADCAST_AUTHORIZER("dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler") {
        @Override
        Object event(String sender) {
            APIGatewayCustomAuthorizerEvent event = authorizer("TOKEN", "/POST/broadcastmessage");
            event.setAuthorizationToken("Bearer " + System.getenv(TOKEN_VARIABLE));
            return event;
        }
    };

    /** The environment variable holding the token the authorizers' first events carry. */
    public static final String TOKEN_VARIABLE = "PARLEY_PROBE_TOKEN";
    /** The environment variable holding {@link #WORKER}'s page, as the broadcast work queue carries it. */
    public static final String PAGE_VARIABLE = "PARLEY_PROBE_PAGE";
    /** The broadcast whose page {@link #WORKER} sends: the harness records it before the runs. */
    public static final String WORKER_BROADCAST = "00000000-0000-4000-8000-00000000cafe";
    /** The room {@link #JOIN} and {@link #LEAVE} name. */
    public static final String ROOM = "coldroom";
    /** A well-formed broadcast id that no broadcast has. */
    public static final String NO_BROADCAST = "00000000-0000-4000-8000-000000000000";
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/production";

    private final String handlerClass;

    FirstEvent(String handlerClass) {
        this.handlerClass = handlerClass;
    }

    /** The class Lambda is configured with for this function. */
    public String handlerClass() {
        return handlerClass;
    }

    /** The first event, from {@code sender} where the event has a connection. */
    abstract Object event(String sender);

    /** The event of the function {@code handlerClass} runs; a {@code sendMessage} for the probes' own handlers. */
    static Object forHandler(String handlerClass, String sender) {
        for (FirstEvent first : values()) {
            if (first.handlerClass.equals(handlerClass)) {
                return first.event(sender);
            }
        }
        return SendMessageEvents.sendMessage(sender, "cold hello");
    }

    /**
     * Whether {@code handlerClass} registers a SnapStart hook: Parley's functions do (the chat functions prime their
     * path, the authorizers a token's verification), the probes' own handlers do not.
     */
    static boolean registersSnapStartHook(String handlerClass) {
        return handlerClass.startsWith("dev.parley.chat.adapter.in.lambda.");
    }

    private static APIGatewayCustomAuthorizerEvent authorizer(String type, String route) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setType(type);
        event.setMethodArn(METHOD_ARN + route);
        return event;
    }

    private static APIGatewayV2WebSocketEvent webSocket(String sender, String routeKey, String eventType, String body) {
        APIGatewayV2WebSocketEvent event = SendMessageEvents.sendMessage(sender, "unused");
        event.getRequestContext().setRouteKey(routeKey);
        event.getRequestContext().setEventType(eventType);
        event.setBody(body);
        return event;
    }
}
