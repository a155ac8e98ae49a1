package dev.parley.web;

import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.dynalite.Dynalite;
import dev.parley.local.LocalOptions;
import dev.parley.local.ParleyLocal;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * All of Parley on the local gateway, serving this module's pages (not the copy bundled in chat-local), on a table of
 * its own in a dynalite shared by the tests, with a history of its own: the history table (one name for every
 * gateway, as on AWS) is emptied when it starts, so a newcomer to the lobby sees no earlier test's messages.
 */
final class LocalParley implements AutoCloseable {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The gateway checks that management calls are SigV4-signed, not the signature. */
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/execute-api/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    private static final String HISTORY_TABLE = HistorySettings.HISTORY_TABLE_NAME.defaultValue();

    private final Dynalite dynalite;
    private final List<String> options;
    private final ParleyLocal parley;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private boolean stopped;

    private LocalParley(Dynalite dynalite, List<String> options, ParleyLocal parley, DynamoDbClient dynamoDb,
            String table) {
        this.dynalite = dynalite;
        this.options = options;
        this.parley = parley;
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Starts Parley with the given command-line options added, such as {@code --idle-timeout 1}; any free port unless given. */
    static LocalParley start(Dynalite dynalite, String... options) {
        DynamoDbClient dynamoDb = dynamoDb(dynalite);
        try {
            dynamoDb.deleteTable(request -> request.tableName(HISTORY_TABLE));
        } catch (ResourceNotFoundException firstGateway) {
            // Nothing to empty.
        }
        return start(dynalite, dynamoDb, "chatDetails-web-" + TABLES.incrementAndGet(), List.of(options));
    }

    private static LocalParley start(Dynalite dynalite, DynamoDbClient dynamoDb, String table, List<String> options) {
        Path webRoot = Path.of(System.getProperty("parley.webRoot", "src/main/web")).toAbsolutePath();
        if (!Files.isRegularFile(webRoot.resolve("index.html"))) {
            throw new IllegalStateException("the pages are not in " + webRoot);
        }
        List<String> args = new ArrayList<>(List.of("--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", table, "--web-root", webRoot.toString()));
        args.addAll(options);
        if (!args.contains("--port")) {
            args.addAll(List.of("--port", "0"));
        }
        ParleyLocal parley = ParleyLocal.start(LocalOptions.parse(args.toArray(String[]::new)));
        return new LocalParley(dynalite, options, parley, dynamoDb, table);
    }

    private static DynamoDbClient dynamoDb(Dynalite dynalite) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Stops this gateway (every open connection's {@code $disconnect} runs) and starts another on the same port, with
     * the same options, tables and history: as a redeployment or a restart of chat-local on the same data.
     */
    LocalParley restart() {
        int port = port();
        stopped = true;
        parley.close();
        List<String> samePort = new ArrayList<>(options);
        int given = samePort.indexOf("--port");
        if (given >= 0) {
            samePort.subList(given, given + 2).clear();
        }
        samePort.addAll(List.of("--port", String.valueOf(port)));
        return start(dynalite, dynamoDb, table, samePort);
    }

    /** A token for {@code principal}, good for ten minutes with Parley started with {@code --auth-secret secret}. */
    static String token(String secret, Principal principal) {
        return new TokenIssuer(SigningKey.fromText(secret), Clock.systemUTC(), TokenRules.DEFAULT).issue(principal, Duration.ofMinutes(10));
    }

    /** Where the pages are, such as {@code http://127.0.0.1:41234/}. */
    URI pages() {
        return parley.gateway().urls().pages();
    }

    /** The WebSocket API, such as {@code ws://127.0.0.1:41234/production}. */
    URI webSocket() {
        return parley.gateway().urls().webSocket();
    }

    int port() {
        return parley.gateway().port();
    }

    /** Closes a connection from the gateway's side, as {@code DELETE @connections/{id}} does on AWS. */
    int drop(String connectionId) throws IOException, InterruptedException {
        return manage(connectionId, HttpRequest.BodyPublishers.noBody(), "DELETE");
    }

    /** Sends {@code frame} to a connection, as Parley's publisher does with {@code POST @connections/{id}}. */
    int post(String connectionId, String frame) throws IOException, InterruptedException {
        return manage(connectionId, HttpRequest.BodyPublishers.ofString(frame), "POST");
    }

    private int manage(String connectionId, HttpRequest.BodyPublisher body, String method)
            throws IOException, InterruptedException {
        URI connection = URI.create(parley.gateway().urls().callback() + "/@connections/"
                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(connection).header("Authorization", SIGV4).method(method, body)
                .timeout(Browser.PATIENCE).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until the {@code $disconnect} of a connection has been recorded in the table. */
    void awaitDisconnected(String connectionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Browser.PATIENCE);
        while (!disconnected(connectionId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the $disconnect of " + connectionId + " was not recorded");
            }
            Thread.sleep(Duration.ofMillis(50).toMillis());
        }
    }

    private boolean disconnected(String connectionId) {
        return dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
                        .key(Map.of("connectionId", AttributeValue.fromS(connectionId))))
                .item().containsKey("DisconnectTime");
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            try {
                parley.close();
            } finally {
                dynamoDb.close();
            }
        }
    }
}
