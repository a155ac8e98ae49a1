package dev.parley.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/** The event API Gateway hands the {@code sendMessage} route, built in code so every probe pays the same for it. */
public final class SendMessageEvents {

    private SendMessageEvents() {}

    /** {@code {"action":"sendMessage","Message":text}} from {@code connectionId}; {@code text} must need no escaping. */
    public static APIGatewayV2WebSocketEvent sendMessage(String connectionId, String text) {
        long now = System.currentTimeMillis();
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("sendMessage");
        context.setEventType("MESSAGE");
        context.setMessageDirection("IN");
        context.setConnectionId(connectionId);
        context.setConnectedAt(now - 60_000);
        context.setRequestTimeEpoch(now);
        // Fixed ids: a random UUID would load SecureRandom, the runtime's cost rather than the handler's.
        context.setMessageId("Zsdc2fEZoAMCJ4A=");
        context.setRequestId("Zsdc2HOnoAMFuTA=");
        context.setExtendedRequestId(context.getRequestId());
        context.setDomainName("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        context.setStage("production");
        context.setApiId("a1b2c3d4e5");
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody("{\"action\":\"sendMessage\",\"Message\":\"" + text + "\"}");
        event.setIsBase64Encoded(false);
        return event;
    }
}
