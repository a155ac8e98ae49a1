package dev.parley.chat.adapter.in.socket;

import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.protocol.Action;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * The WebSocket side of chat-server: the handshake runs {@code connect} (with a token when authorization is on, as the
 * {@code $connect} authorizer checks it), each text frame is charged and answered as the Lambda routes answer it
 * ({@link FrameAnswers}), and a closed socket runs {@code disconnect}.
 */
public final class ChatSockets implements WebSocketCreator {

    /** The WebSocket status of a server going away, sent to every socket on shutdown. */
    static final int GOING_AWAY = 1001;
    /** The WebSocket status of a client that stopped reading what it is sent. */
    static final int POLICY_VIOLATION = 1008;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Eleven random bytes: a 16-character id, the length and alphabet of API Gateway's. */
    private static final int ID_BYTES = 11;

    private final ChatUseCases useCases;
    private final FrameAnswers answers;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Optional<TokenVerifier> verifier;
    private final SocketDirectory directory;
    private final JsonLog log;
    private final int outboxCapacity;
    private final Set<ChatSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public ChatSockets(ChatUseCases useCases, FrameAnswers answers, FrameReader reader, FrameWriter writer,
            Optional<TokenVerifier> verifier, SocketDirectory directory, JsonLog log, int outboxCapacity) {
        this.useCases = useCases;
        this.answers = answers;
        this.reader = reader;
        this.writer = writer;
        this.verifier = verifier;
        this.directory = directory;
        this.log = log;
        this.outboxCapacity = outboxCapacity;
    }

    /** The handshake: a socket for a connection {@code connect} registered, or null with the refusal written. */
    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (closing) {
            return refuse(response, callback, Answer.of(503, writer.error(ErrorCode.INTERNAL,
                    "the server is shutting down; connect again in a moment")));
        }
        Fields query = Request.extractQueryParameters(request);
        Optional<Principal> principal = Optional.empty();
        if (verifier.isPresent()) {
            String token = query.getValue("token");
            if (token == null || token.isBlank()) {
                return refuse(response, callback, Answer.of(401, writer.error(ErrorCode.UNAUTHORIZED,
                        "this chat needs a token: connect with ?token=<your token>")));
            }
            try {
                principal = Optional.of(verifier.get().verify(token));
            } catch (InvalidTokenException invalid) {
                return refuse(response, callback, Answer.of(401, writer.error(ErrorCode.UNAUTHORIZED,
                        "the token was refused: " + invalid.getMessage())));
            }
        }
        var id = new ConnectionId(newId());
        var socket = new ChatSocket(id, principal.map(Principal::userId), this, outboxCapacity);
        // Attached before connect, so what connect sends the connection waits in its outbox for the socket to open.
        directory.attach(id, socket.outbox());
        ConnectCommand command = principal
                .map(user -> new ConnectCommand(id, Optional.of(user.displayName().value()),
                        Optional.of(user.userId()), user.roomAccess()))
                .orElseGet(() -> new ConnectCommand(id, Optional.ofNullable(query.getValue("name"))));
        Answer answer = answers.connect(useCases.connect(), command);
        if (!answer.isOk()) {
            directory.detach(id);
            log.info("refused", Map.of("connectionId", id.value(), "status", answer.status()));
            return refuse(response, callback, answer);
        }
        return socket;
    }

    void opened(ChatSocket socket) {
        open.add(socket);
        log.info("connected", Map.of("connectionId", socket.id().value(),
                "user", socket.user().map(Object::toString).orElse("")));
    }

    /** The answer to a text frame, as the Lambda routes give it: charged first, then read, then run. */
    Answer answer(ChatSocket socket, String text) {
        Optional<String> clientId = clientIdOf(text);
        String requestId = UUID.randomUUID().toString();
        try {
            Optional<Answer> refused = answers.charge(useCases.chargeFrame(), socket.id(), socket.user(), clientId);
            if (refused.isPresent()) {
                return refused.get();
            }
            String name = reader.action(text);
            Optional<Action> action = Action.forName(name).filter(known -> known != Action.PING);
            if (action.isEmpty()) {
                return answers.otherAction(name);
            }
            Map<String, Object> frame = reader.frame(text);
            switch (action.get()) {
                case SEND_MESSAGE:
                    return answers.sendMessage(useCases.sendMessage(), socket.id(), frame, clientId);
                case JOIN:
                    return answers.join(useCases.join(), socket.id(), frame, clientId);
                case LEAVE:
                    return answers.leave(useCases.leave(), socket.id(), frame, clientId);
                case MEMBERS:
                    return answers.members(useCases.members(), socket.id(), frame, clientId);
                case HISTORY:
                    return answers.history(useCases.history(), socket.id(), frame, clientId);
                default:
                    throw new IllegalStateException("no answer for the action " + action.get());
            }
        } catch (InvalidFrameException invalid) {
            return answers.error(invalid.code(), invalid.getMessage(), clientId);
        } catch (RuntimeException failure) {
            log.error("frame failed", Map.of("connectionId", socket.id().value(), "requestId", requestId,
                    "failure", String.valueOf(failure)));
            return Answer.of(Answer.INTERNAL_ERROR, writer.error(ErrorCode.INTERNAL,
                    "Parley could not handle this request; try again (request " + requestId + ")", clientId));
        }
    }

    /** A binary frame costs a token too, and is told to come as text. */
    Answer answerBinary(ChatSocket socket) {
        Optional<Answer> refused = answers.charge(useCases.chargeFrame(), socket.id(), socket.user(), Optional.empty());
        if (refused.isPresent()) {
            return refused.get();
        }
        InvalidFrameException binary = answers.binaryFrame();
        return answers.error(binary.code(), binary.getMessage(), Optional.empty());
    }

    /** Sends {@code body}; a client so far behind that even an answer does not fit is closed, not left waiting. */
    void reply(ChatSocket socket, Answer answer) {
        answer.body().ifPresent(body -> {
            if (!socket.outbox().offer(List.of(body))) {
                log.error("too slow", Map.of("connectionId", socket.id().value(),
                        "waiting", socket.outbox().capacity()));
                socket.outbox().closeWhenSent(POLICY_VIOLATION, "too many frames wait for this client");
            }
        });
    }

    void ended(ChatSocket socket, int statusCode, String reason) {
        open.remove(socket);
        directory.detach(socket.id());
        useCases.disconnect().disconnect(
                new DisconnectCommand(socket.id(), DisconnectReason.closed(statusCode, reason)));
        log.info("disconnected", Map.of("connectionId", socket.id().value(), "status", statusCode));
    }

    void failed(ChatSocket socket, Throwable cause) {
        log.error("socket failed", Map.of("connectionId", socket.id().value(), "failure", String.valueOf(cause)));
    }

    /** How many sockets are open. */
    public int openSockets() {
        return open.size();
    }

    /**
     * Refuses new handshakes, then closes every socket with 1001 once what it was already sent has left, and waits up
     * to {@code patience} for their disconnections to be recorded.
     */
    public void closeAll(Duration patience) {
        closing = true;
        List<ChatSocket> sockets = List.copyOf(open);
        sockets.forEach(socket -> socket.outbox().closeWhenSent(GOING_AWAY, "the server is shutting down"));
        try {
            CompletableFuture.allOf(sockets.stream().map(ChatSocket::closed).toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.error("shutdown", Map.of("stillOpen", open.size()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("a socket failed to close", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> clientIdOf(String text) {
        try {
            return reader.clientId(reader.frame(text));
        } catch (InvalidFrameException notAnObject) {
            return Optional.empty();
        }
    }

    private static Object refuse(Response response, Callback callback, Answer answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(answer.body().orElse("").getBytes(StandardCharsets.UTF_8)), callback);
        return null;
    }

    private static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', '_');
    }
}
