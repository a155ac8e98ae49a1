package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * What every WebSocket route handler shares: reading the connection id, answering bad frames with an error frame,
 * and turning any failure into an {@code INTERNAL} error frame instead of a Lambda error (which API Gateway would
 * swallow, leaving the client waiting). Both error frames echo the frame's {@code clientId}, when it has one.
 */
abstract class WebSocketHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    final FrameReader reader;
    final FrameWriter writer;

    WebSocketHandler(FrameReader reader, FrameWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Handles one event from the connection {@code connectionId}; the body of the answer goes back to it on two-way routes. */
    abstract APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException;

    @Override
    public final APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var requestContext = event == null ? null : event.getRequestContext();
        String rawId = requestContext == null ? null : requestContext.getConnectionId();
        if (!ConnectionId.isValid(rawId)) {
            return response(Answer.BAD_REQUEST,
                    writer.error(ErrorCode.INTERNAL, "the event carries no valid connection id"));
        }
        try {
            return handle(new ConnectionId(rawId), event);
        } catch (InvalidFrameException invalid) {
            return response(Answer.BAD_REQUEST, writer.error(invalid.code(), invalid.getMessage(), clientIdOf(event)));
        } catch (RuntimeException failure) {
            context.getLogger().log(requestContext.getRouteKey() + " failed for " + rawId + ": " + stackTrace(failure),
                    LogLevel.ERROR);
            return response(Answer.INTERNAL_ERROR, writer.error(ErrorCode.INTERNAL,
                    "Parley could not handle this request; try again (request " + requestContext.getRequestId() + ")",
                    clientIdOf(event)));
        }
    }

    /**
     * The {@code clientId} of the event's frame, read again only on error paths so the handlers' own parse stays the
     * only one on the way to an answer; empty when the frame is no JSON object or carries none.
     */
    Optional<String> clientIdOf(APIGatewayV2WebSocketEvent event) {
        try {
            return reader.clientId(reader.frame(event.getBody()));
        } catch (InvalidFrameException notAnObject) {
            return Optional.empty();
        }
    }

    /** The route response of a transport-neutral answer: without a body, API Gateway sends the caller nothing. */
    static APIGatewayV2WebSocketResponse response(Answer answer) {
        return response(answer.status(), answer.body().orElse(null));
    }

    static APIGatewayV2WebSocketResponse response(int statusCode, String body) {
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(statusCode);
        response.setBody(body);
        return response;
    }

    private static String stackTrace(Throwable failure) {
        var trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
