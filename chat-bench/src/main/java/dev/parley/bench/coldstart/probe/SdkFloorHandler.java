package dev.parley.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SDK floor: the least any handler built on Parley's chosen SDK parts must do to answer a {@code sendMessage}.
 * Its constructor (the init) builds the two clients as Parley configures them (DynamoDB on the URL-connection client
 * with explicit region, static credentials and the endpoint override; {@code @connections} through
 * {@link ManagementApiClients}, the CRT's async client); its first invocation makes one GetItem of the sender's row
 * and one PostToConnection to {@link #RECIPIENT}. No Dagger, no Enhanced Client, no domain, no JSON library.
 * The answer's body carries the time of each step ({@code "<step>_ns":n}); each step also pays for the SDK classes
 * that the steps before it did not load.
 */
public class SdkFloorHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** The one connection the floor sends to: a virtual connection of the benchmark's gateway, counted apart. */
    public static final String RECIPIENT = "coldFloorRecipt=";
    private static final SdkBytes FRAME = SdkBytes.fromUtf8String("{\"type\":\"message\",\"message\":\"cold hello\"}");

    private final DynamoDbClient dynamoDb;
    private final Optional<ApiGatewayManagementApiAsyncClient> connections;
    private final String tableName;
    private final long dynamoDbClientNanos;
    private final long managementClientNanos;

    public SdkFloorHandler() {
        this(UrlConnectionHttpClient::create, true);
    }

    /**
     * As {@link #SdkFloorHandler()} but with DynamoDB's calls on the HTTP client {@code dynamoDbHttpClient} makes, and
     * without the {@code @connections} client and its post unless {@code postsToConnections}.
     */
    protected SdkFloorHandler(Supplier<SdkHttpClient> dynamoDbHttpClient, boolean postsToConnections) {
        Map<String, String> environment = System.getenv();
        long started = System.nanoTime();
        Region region = Region.of(environment.get("AWS_REGION"));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY")));
        this.tableName = environment.get("TABLE_NAME");
        this.dynamoDb = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(environment.get("DYNAMODB_ENDPOINT")))
                .httpClient(dynamoDbHttpClient.get())
                .build();
        long dynamoDbBuilt = System.nanoTime();
        this.connections = postsToConnections
                ? Optional.of(ManagementApiClients.create(URI.create(environment.get("WEBSOCKET_CALLBACK_URL")), region,
                        credentials, PublisherSettings.defaults().maxConcurrentSends()))
                : Optional.empty();
        long managementBuilt = System.nanoTime();
        this.dynamoDbClientNanos = dynamoDbBuilt - started;
        this.managementClientNanos = managementBuilt - dynamoDbBuilt;
    }

    /** Whether the sender's row is there: one GetItem on the low-level client. */
    protected boolean findsSender(String connectionId) {
        return dynamoDb.getItem(request -> request.tableName(tableName).key(Map.of(
                ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(connectionId)))).hasItem();
    }

    protected final DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    protected final String tableName() {
        return tableName;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        long started = System.nanoTime();
        boolean found = findsSender(event.getRequestContext().getConnectionId());
        long read = System.nanoTime();
        if (connections.isPresent()) {
            connections.get().postToConnection(request -> request.connectionId(RECIPIENT).data(FRAME)).join();
        }
        long posted = System.nanoTime();
        // Plain concatenation: the answer is built inside the timed invocation.
        String managementClient = connections.isPresent() ? ",\"managementClient_ns\":" + managementClientNanos : "";
        String post = connections.isPresent() ? ",\"postToConnection_ns\":" + (posted - read) : "";
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody("{\"found\":" + found + ",\"dynamoDbClient_ns\":" + dynamoDbClientNanos + managementClient
                + ",\"getItem_ns\":" + (read - started) + post + "}");
        return response;
    }
}
