package dev.parley.local;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.local.gateway.CallbackThrottle;
import dev.parley.local.gateway.ConnectionLimits;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.chat.settings.aws.ConnectAuthSettings;
import dev.parley.chat.settings.SendRateSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run Parley locally: what {@code ParleyLocal}'s options say, for the command line and for programs alike.
 *
 * @param host the address to listen on
 * @param port the one port of the gateway; 0 picks a free one
 * @param stage the WebSocket API's stage
 * @param restStage the REST API's stage
 * @param dynamoDbEndpoint a DynamoDB-compatible endpoint to use; empty starts dynalite
 * @param dataDir where the started dynalite keeps its data; empty keeps it in memory
 * @param table the chat details table, created when missing
 * @param region the region the handlers are configured with
 * @param idleTimeout how long a connection may go without a frame from its client
 * @param maxDuration how long a connection may last
 * @param callbackLatency a delay added to every {@code @connections} call
 * @param callbackThrottle a token bucket for the {@code @connections} calls; empty for none
 * @param webRoot a folder of pages to serve instead of the bundled ones
 * @param sendRateLimit how fast each connection may send messages, as {@code SEND_RATE_PER_SECOND} and
 *        {@code SEND_BURST} set it on AWS
 * @param roomLimit how many rooms each connection may be in at once, as {@code MAX_ROOMS_PER_CONNECTION} sets it on AWS
 * @param connectionLimit how many connections each user may have open at once, as {@code MAX_CONNECTIONS_PER_USER} sets
 *        it on AWS
 * @param historyWindow how many missed messages a resume replays and how long messages are kept, as
 *        {@code HISTORY_WINDOW} and {@code HISTORY_RETENTION} set it on AWS
 * @param authorization tokens on {@code $connect} and a key on the broadcast endpoint; empty, the default, for neither
 * @param requireAuth whether {@code $connect} refuses connections no authorizer identified, as {@code REQUIRE_AUTH}
 *        sets it on AWS
 * @param broadcastQueue where broadcasts beyond the inline limit are queued, and how
 * @param warmUp whether the command line runs {@link ParleyLocal#warmUp()} before it prints where Parley listens;
 *        {@link ParleyLocal#start(LocalOptions)} never does, so programs and tests start at once
 */
public record LocalOptions(
        String host,
        int port,
        String stage,
        String restStage,
        Optional<URI> dynamoDbEndpoint,
        Optional<Path> dataDir,
        String table,
        String region,
        Duration idleTimeout,
        Duration maxDuration,
        Duration callbackLatency,
        Optional<CallbackThrottle> callbackThrottle,
        Optional<Path> webRoot,
        MessageRateLimit sendRateLimit,
        RoomLimit roomLimit,
        ConnectionLimit connectionLimit,
        HistoryWindow historyWindow,
        Optional<LocalAuthorization> authorization,
        boolean requireAuth,
        LocalBroadcastQueue broadcastQueue,
        boolean warmUp) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 (any free port) or 1 to 65535, not " + port);
        }
        LocalGateway.requireStage(stage);
        LocalGateway.requireStage(restStage);
        Objects.requireNonNull(dynamoDbEndpoint, "DynamoDB endpoint");
        Objects.requireNonNull(dataDir, "data dir");
        ChatDetailsTable.requireValidName(table);
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("the region must not be blank");
        }
        ConnectionLimits.requirePositive(idleTimeout, "idle timeout");
        ConnectionLimits.requirePositive(maxDuration, "maximum duration");
        Objects.requireNonNull(callbackLatency, "callback latency");
        if (callbackLatency.isNegative()) {
            throw new IllegalArgumentException("the callback latency must not be negative");
        }
        Objects.requireNonNull(callbackThrottle, "callback throttle");
        Objects.requireNonNull(webRoot, "web root");
        Objects.requireNonNull(sendRateLimit, "send rate limit");
        Objects.requireNonNull(roomLimit, "room limit");
        Objects.requireNonNull(connectionLimit, "connection limit");
        Objects.requireNonNull(historyWindow, "history window");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(broadcastQueue, "broadcast queue");
        if (dynamoDbEndpoint.isPresent() && dataDir.isPresent()) {
            throw new IllegalArgumentException("a data dir is for the dynalite Parley starts; with a DynamoDB endpoint "
                    + "given, that endpoint keeps the data");
        }
    }

    /** Everything as on AWS, on port 8080 of 127.0.0.1, with an in-memory dynalite. */
    public static LocalOptions defaults() {
        return new LocalOptions(DEFAULT_HOST, DEFAULT_PORT, WebSocketRoute.DEFAULT_STAGE, BroadcastRoute.DEFAULT_STAGE,
                Optional.empty(), Optional.empty(), ChatDetailsTable.DEFAULT_NAME, DEFAULT_REGION,
                ConnectionLimits.AWS_IDLE_TIMEOUT, ConnectionLimits.AWS_MAX_DURATION, Duration.ZERO, Optional.empty(),
                Optional.empty(), SendRateSettings.DEFAULT, RoomLimit.DEFAULT, ConnectionLimit.DEFAULT,
                HistoryWindow.DEFAULT, Optional.empty(), ConnectAuthSettings.REQUIRE_AUTH.defaultValue(),
                LocalBroadcastQueue.DEFAULT, true);
    }

    /**
     * A warning when the gateway listens where other machines reach it: everything it serves, {@code @connections}
     * included, is then theirs too, and with authorization off open to anyone.
     */
    public Optional<String> exposureWarning() {
        try {
            if (InetAddress.getByName(host).isLoopbackAddress()) {
                return Optional.empty();
            }
        } catch (UnknownHostException unknown) {
            // not resolvable here: warn, since it is not known to be loopback
        }
        return Optional.of("parley-local: warning: listening on " + host + ", which other machines can reach, not on "
                + "loopback only" + (authorization.isEmpty()
                        ? "; authorization is off, so anyone who reaches it may connect, broadcast and send to any "
                                + "connection (--auth-secret and --admin-key turn it on)"
                        : ""));
    }

    /** Reads command-line options, such as {@code --port 0 --idle-timeout 5}; see {@code --help}. */
    public static LocalOptions parse(String... args) {
        return CommandLine.parse(args);
    }
}
