package dev.parley.chat.server;

import dev.parley.chat.adapter.in.socket.ChatHttp;
import dev.parley.chat.adapter.in.socket.ChatSockets;
import dev.parley.chat.adapter.in.socket.ChatUseCases;
import dev.parley.chat.adapter.in.socket.JsonLog;
import dev.parley.chat.adapter.in.socket.SocketDirectory;
import dev.parley.chat.adapter.in.socket.SocketOutbox;
import dev.parley.chat.adapter.out.memory.InMemoryMessagePublisher;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.server.dynamodb.DynamoDbServer;
import dev.parley.pages.BundledPages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Parley on one machine ({@code java -jar chat-server.jar}): the use cases over the in-memory or DynamoDB adapters, behind a Jetty
 * WebSocket endpoint, the REST broadcast and the chat-web pages on one port. The composition root of chat-server.
 */
public final class ChatServer implements AutoCloseable {

    /** API Gateway's limits on what a client sends: 32 KB a frame, 128 KB a message. */
    static final int MAX_FRAME_BYTES = 32 * 1024;
    static final int MAX_MESSAGE_BYTES = 128 * 1024;
    /** API Gateway closes a connection idle for 10 minutes; the pages ping well within that. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** How long a shutdown waits for the sockets to take their last frames and close. */
    static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

    private final Server server;
    private final ServerConnector connector;
    private final ChatSockets sockets;
    private final JsonLog log;

    private ChatServer(Server server, ServerConnector connector, ChatSockets sockets, JsonLog log) {
        this.server = server;
        this.connector = connector;
        this.sockets = sockets;
        this.log = log;
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(ServerOptions.HELP);
            return;
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println("chat-server: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        ChatServer running;
        try {
            running = start(options, System.out);
        } catch (Exception failure) {
            System.err.println("chat-server could not start: " + failure.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "chat-server-shutdown"));
    }

    /** Starts a server as {@code options} say, logging to {@code logOut}. */
    public static ChatServer start(ServerOptions options, PrintStream logOut) throws Exception {
        ServerComponent component = options.dynamoDb()
                .map(dynamoDb -> DynamoDbServer.component(options.domain(), dynamoDb))
                .orElseGet(() -> DaggerMemoryServerComponent.builder().settings(options.domain()).build());
        Clock clock = component.clock();
        var log = new JsonLog(logOut, clock);
        Optional<TokenVerifier> verifier = options.signingSecretFile().map(file -> new TokenVerifier(
                SigningKey.fromText(read(file)), clock, options.tokenRules()));

        var threads = new QueuedThreadPool();
        threads.setName("chat-server");
        var server = new Server(threads);
        var connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        ServerWebSocketContainer container = ServerWebSocketContainer.ensure(server);
        container.setMaxFrameSize(MAX_FRAME_BYTES);
        container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
        container.setIdleTimeout(IDLE_TIMEOUT);

        var useCases = new ChatUseCases(component.connectUseCase(), component.disconnectUseCase(),
                component.chargeFrameUseCase(), component.sendMessageUseCase(), component.joinRoomUseCase(),
                component.leaveRoomUseCase(), component.listMembersUseCase(), component.historyUseCase(),
                component.broadcastUseCase());
        var sockets = new ChatSockets(useCases, component.frameAnswers(), component.frameReader(),
                component.frameWriter(), verifier, directory(component.publisher(), component.frameWriter()), log,
                options.outboxFrames());
        var http = new ChatHttp(container, sockets, component.broadcastUseCase(), component.frameReader(),
                component.frameWriter(), verifier, log);
        server.setHandler(new Handler.Sequence(http, BundledPages.handler(server, Optional.empty())));
        server.start();
        log.info("started", Map.of("host", options.host(), "port", connector.getLocalPort(),
                "authorization", verifier.isPresent() ? "tokens" : "off",
                "state", options.dynamoDb().map(dynamoDb -> "dynamodb:" + dynamoDb.table()).orElse("memory")));
        return new ChatServer(server, connector, sockets, log);
    }

    /** The port listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Closes every socket with 1001 after what it was already sent, then stops. */
    @Override
    public void close() {
        log.info("stopping", Map.of("openSockets", sockets.openSockets()));
        sockets.closeAll(SHUTDOWN_PATIENCE);
        try {
            server.stop();
        } catch (Exception failure) {
            log.error("stop failed", Map.of("failure", String.valueOf(failure)));
            return;
        }
        log.info("stopped", Map.of());
    }

    /** Each socket's outbox is its connection's mailbox on the publisher the use cases send through. */
    private static SocketDirectory directory(InMemoryMessagePublisher publisher, FrameWriter writer) {
        return new SocketDirectory() {
            @Override
            public void attach(ConnectionId connection, SocketOutbox outbox) {
                publisher.open(connection, message -> {
                    List<String> frames = writer.frames(message).stream()
                            .map(frame -> new String(frame, StandardCharsets.UTF_8))
                            .toList();
                    return outbox.offer(frames) ? DeliveryResult.delivered() : new DeliveryResult.Failed(
                            "the client has " + outbox.capacity() + " frames waiting: it reads too slowly");
                });
            }

            @Override
            public void detach(ConnectionId connection) {
                publisher.close(connection);
            }
        };
    }


    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("--signing-secret-file " + file + " could not be read", e);
        }
    }
}
