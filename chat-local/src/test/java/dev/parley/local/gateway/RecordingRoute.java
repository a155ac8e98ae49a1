package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A test function: records each event it is given and answers as told. */
final class RecordingRoute implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final BlockingQueue<APIGatewayV2WebSocketEvent> events = new LinkedBlockingQueue<>();
    private final Function<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> answer;

    RecordingRoute(Function<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> answer) {
        this.answer = answer;
    }

    /** Answers every event with {@code status} and {@code body}. */
    static RecordingRoute answering(int status, String body) {
        return new RecordingRoute(event -> response(status, body));
    }

    /** Answers with the event's own body, so two-way routes echo. */
    static RecordingRoute echo() {
        return new RecordingRoute(event -> response(200, event.getBody()));
    }

    static APIGatewayV2WebSocketResponse response(int status, String body) {
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        events.add(event);
        context.getLogger().log("handled " + event.getRequestContext().getRouteKey());
        return answer.apply(event);
    }

    /** The next event this function was given, failing when none comes in time. */
    APIGatewayV2WebSocketEvent nextEvent() throws InterruptedException {
        APIGatewayV2WebSocketEvent event = events.poll(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + TestClient.WAIT);
        }
        return event;
    }

    boolean hasNoEvent() {
        return events.isEmpty();
    }
}
