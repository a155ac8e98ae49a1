package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /broadcasts/{broadcastId}}: a queued broadcast's progress ({@code 200}), {@code 400}
 * {@code INVALID_BROADCAST_ID} for an id Parley never gives, {@code 404} {@code UNKNOWN_BROADCAST} for one it has no
 * record of. Progress changes while a broadcast runs, so no answer may be cached.
 */
public final class BroadcastStatusHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final BroadcastStatusUseCase status;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Map<String, String> headers;

    public BroadcastStatusHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.BROADCAST_STATUS));
    }

    BroadcastStatusHandler(ChatComponent component) {
        this.status = component.broadcastStatusUseCase();
        this.reader = component.frameReader();
        this.writer = component.frameWriter();
        var headers = new HashMap<>(BroadcastHandler.responseHeaders(component.configuration().allowedOrigin()));
        headers.put("Cache-Control", "no-store");
        this.headers = Map.copyOf(headers);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            MessageId id = reader.broadcastId(Optional.ofNullable(request.getPathParameters())
                    .map(parameters -> parameters.get(BroadcastStatusRoute.PATH_PARAMETER))
                    .orElse(null));
            return status.status(id)
                    .map(progress -> response(200, writer.broadcastProgress(progress)))
                    .orElseGet(() -> response(404, writer.error(ErrorCode.UNKNOWN_BROADCAST,
                            "no queued broadcast has the id " + id + " (or its record has expired)")));
        } catch (InvalidFrameException invalid) {
            return response(400, writer.error(invalid.code(), invalid.getMessage()));
        } catch (RuntimeException failure) {
            context.getLogger().log("broadcast status failed: " + failure, LogLevel.ERROR);
            return response(500, writer.error(ErrorCode.INTERNAL, "the status could not be read; try again"));
        }
    }

    private APIGatewayProxyResponseEvent response(int statusCode, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(statusCode).withHeaders(headers).withBody(body);
    }
}
