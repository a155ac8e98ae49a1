package dev.parley.chat.adapter.in.socket;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * chat-server's own HTTP routes, before the pages: the WebSocket at {@value #CHAT_PATH}, the REST broadcast at
 * {@value #BROADCAST_PATH} (the body and answers of the deployed one), {@code /health}, and {@code /config.json}, which
 * points the pages at this server.
 */
public final class ChatHttp extends Handler.Abstract {

    public static final String CHAT_PATH = "/chat";
    public static final String BROADCAST_PATH = "/broadcastmessage";
    public static final String HEALTH_PATH = "/health";
    /** The broadcast body the deployed REST API accepts, with room to spare (a message is 32 KB at most). */
    static final int MAX_BROADCAST_BYTES = 128 * 1024;

    private final ServerWebSocketContainer container;
    private final ChatSockets sockets;
    private final BroadcastUseCase broadcast;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Optional<TokenVerifier> verifier;
    private final JsonLog log;

    public ChatHttp(ServerWebSocketContainer container, ChatSockets sockets, BroadcastUseCase broadcast,
            FrameReader reader, FrameWriter writer, Optional<TokenVerifier> verifier, JsonLog log) {
        this.container = container;
        this.sockets = sockets;
        this.broadcast = broadcast;
        this.reader = reader;
        this.writer = writer;
        this.verifier = verifier;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (CHAT_PATH.equals(path)) {
            if (!container.upgrade(sockets, request, response, callback)) {
                reply(response, callback, 426, writer.error(ErrorCode.INVALID_JSON,
                        "this is the chat's WebSocket: connect with a WebSocket client"));
            }
            return true;
        }
        if (HEALTH_PATH.equals(path) && "GET".equals(method)) {
            reply(response, callback, 200, json(Map.of("status", "up", "connections", sockets.openSockets())));
            return true;
        }
        if ("/config.json".equals(path) && "GET".equals(method)) {
            String host = request.getHttpURI().getAuthority();
            var config = new LinkedHashMap<String, Object>();
            config.put("websocketUrl", "ws://" + host + CHAT_PATH);
            config.put("broadcastUrl", "http://" + host + BROADCAST_PATH);
            reply(response, callback, 200, json(config));
            return true;
        }
        if (BROADCAST_PATH.equals(path)) {
            if (!"POST".equals(method)) {
                reply(response, callback, 405, writer.error(ErrorCode.INVALID_JSON,
                        "the broadcast is a POST of {\"message\":\"...\"}"));
                return true;
            }
            broadcast(request, response, callback);
            return true;
        }
        return false;
    }

    private void broadcast(Request request, Response response, Callback callback) {
        try {
            Optional<UserId> sender = Optional.empty();
            if (verifier.isPresent()) {
                Optional<Principal> admin = administrator(request, response, callback);
                if (admin.isEmpty()) {
                    return;
                }
                sender = admin.map(Principal::userId);
            }
            BroadcastCommand command = reader.broadcastRequest(body(request));
            BroadcastReport report = broadcast.broadcast(sender.map(command::sentBy).orElse(command));
            log.info("broadcast", Map.of("broadcastId", report.broadcastId().toString(),
                    "sender", sender.map(Object::toString).orElse(""), "attempted", report.attempted(),
                    "delivered", report.delivered(), "gone", report.gone(), "failed", report.failed()));
            reply(response, callback, 200, writer.broadcastReport(report));
        } catch (InvalidFrameException invalid) {
            reply(response, callback, 400, writer.error(invalid.code(), invalid.getMessage()));
        } catch (RuntimeException failure) {
            log.error("broadcast failed", Map.of("failure", String.valueOf(failure)));
            reply(response, callback, 500, writer.error(ErrorCode.INTERNAL, "the broadcast failed; try again"));
        }
    }

    /** The administrator named by the bearer token, as the broadcast authorizer decides; empty with the refusal sent. */
    private Optional<Principal> administrator(Request request, Response response, Callback callback) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String bearer = "bearer ";
        if (header == null || !header.regionMatches(true, 0, bearer, 0, bearer.length())) {
            reply(response, callback, 401, writer.error(ErrorCode.UNAUTHORIZED,
                    "broadcasting needs an administrator's token: send Authorization: Bearer <token>"));
            return Optional.empty();
        }
        Principal principal;
        try {
            principal = verifier.orElseThrow().verify(header.substring(bearer.length()).strip());
        } catch (InvalidTokenException invalid) {
            reply(response, callback, 401, writer.error(ErrorCode.UNAUTHORIZED,
                    "the token was refused: " + invalid.getMessage()));
            return Optional.empty();
        }
        if (principal.role() != Role.ADMIN) {
            reply(response, callback, 403, writer.error(ErrorCode.UNAUTHORIZED,
                    "only administrators broadcast, and this token's user is not one"));
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    /** The body, refused when larger than a broadcast can be. */
    private static byte[] body(Request request) throws InvalidFrameException {
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BROADCAST_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the broadcast body could not be read", e);
        }
        if (bytes.length > MAX_BROADCAST_BYTES) {
            throw new InvalidFrameException(ErrorCode.MESSAGE_TOO_LARGE,
                    "the body is larger than " + MAX_BROADCAST_BYTES + " bytes");
        }
        return bytes;
    }

    private static String json(Map<String, ?> object) {
        try {
            return JSON.std.asString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
