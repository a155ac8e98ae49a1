package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastNotQueuedException;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastStart;
import dev.parley.chat.domain.port.in.StartBroadcastCommand;
import dev.parley.chat.domain.port.in.StartBroadcastUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /broadcastmessage} with {@code {"message":"..."}}: sends to every active connection and answers with the
 * delivery report ({@code 200}) when the audience is within the inline limit; a larger one, or any broadcast asked
 * for with {@code Prefer: respond-async}, is queued and answered at once with {@code 202} and the URL of its status
 * ({@link BroadcastStatusHandler}). Every answer carries the CORS headers, so the broadcast page can read errors too.
 */
public final class BroadcastHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** The header (RFC 7240) a caller asks with to be answered at once, whatever the audience. */
    static final String PREFER_HEADER = "Prefer";

    private final StartBroadcastUseCase broadcast;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Map<String, String> headers;

    public BroadcastHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.BROADCAST));
    }

    BroadcastHandler(ChatComponent component) {
        this.broadcast = component.startBroadcastUseCase();
        this.reader = component.frameReader();
        this.writer = component.frameWriter();
        this.headers = responseHeaders(component.configuration().allowedOrigin());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            BroadcastCommand command = broadcastRequest(request);
            Optional<UserId> sender = sender(request);
            String by = sender.map(user -> "user " + user).orElse("no one named (no broadcast authorizer)");
            BroadcastStart started = broadcast.start(
                    new StartBroadcastCommand(sender.map(command::sentBy).orElse(command), respondAsync(request)));
            if (started instanceof BroadcastStart.Queued queued) {
                BroadcastProgress progress = queued.progress();
                context.getLogger().log("broadcast " + progress.broadcastId() + " by " + by + ": queued for a worker"
                        + " to read its audience", LogLevel.INFO);
                return response(202, writer.broadcastQueued(progress, statusUrl(progress.broadcastId())));
            }
            BroadcastReport report = ((BroadcastStart.SentInline) started).report();
            context.getLogger().log("broadcast " + report.broadcastId() + " by " + by
                    + ": attempted " + report.attempted()
                    + ", delivered " + report.delivered() + ", gone " + report.gone() + ", failed " + report.failed(),
                    LogLevel.INFO);
            return response(200, writer.broadcastReport(report));
        } catch (InvalidFrameException invalid) {
            return response(400, writer.error(invalid.code(), invalid.getMessage()));
        } catch (BroadcastNotQueuedException notQueued) {
            context.getLogger().log("broadcast failed: " + notQueued.getMessage(), LogLevel.ERROR);
            return response(500, writer.error(ErrorCode.INTERNAL, notQueued.getMessage()
                    + "; its status at " + statusUrl(notQueued.broadcastId()) + " says done with no recipient"));
        } catch (RuntimeException failure) {
            context.getLogger().log("broadcast failed: " + failure, LogLevel.ERROR);
            return response(500, writer.error(ErrorCode.INTERNAL, "the broadcast failed; try again"));
        }
    }

    /**
     * The status URL, relative to the {@code POST}'s own ({@code .../broadcastmessage}) so that it keeps the stage and
     * any custom domain's base path: a client resolves it against the URL it posted to (RFC 3986).
     */
    static String statusUrl(MessageId broadcastId) {
        return BroadcastStatusRoute.RESOURCE_PARENT + "/" + broadcastId;
    }

    /** {@code Prefer: respond-async} (RFC 7240), among other preferences or alone, the header's name in any case. */
    private static boolean respondAsync(APIGatewayProxyRequestEvent request) {
        Map<String, String> headers = request.getHeaders();
        if (headers == null) {
            return false;
        }
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(PREFER_HEADER) && header.getValue() != null)
                .flatMap(header -> Arrays.stream(header.getValue().split(",")))
                .map(preference -> preference.split(";", 2)[0].strip())
                .anyMatch(preference -> preference.equalsIgnoreCase("respond-async"));
    }

    /** The administrator the broadcast authorizer identified; empty where there is none (authorization off). */
    private static Optional<UserId> sender(APIGatewayProxyRequestEvent request) {
        return Optional.ofNullable(request.getRequestContext())
                .flatMap(requestContext -> AuthorizerContext.principal(requestContext.getAuthorizer()))
                .map(Principal::userId);
    }

    /** The request's command: API Gateway passes a body it received as binary base64-encoded. */
    private BroadcastCommand broadcastRequest(APIGatewayProxyRequestEvent request) throws InvalidFrameException {
        String body = request.getBody();
        if (body == null || !Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            return reader.broadcastRequest(body);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON, "the body is marked base64 but is not");
        }
        return reader.broadcastRequest(bytes);
    }

    private APIGatewayProxyResponseEvent response(int statusCode, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(statusCode).withHeaders(headers).withBody(body);
    }

    /**
     * API Gateway answers the CORS preflight itself ({@link BroadcastRoute#CORS}); the handlers' answers need the
     * origin. Shared with {@link BroadcastStatusHandler}.
     */
    static Map<String, String> responseHeaders(String allowedOrigin) {
        Map<String, String> headers = new HashMap<>(CorsPolicy.responseHeaders(allowedOrigin));
        headers.put("Content-Type", "application/json");
        return Map.copyOf(headers);
    }
}
