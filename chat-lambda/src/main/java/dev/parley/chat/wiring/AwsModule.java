package dev.parley.chat.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dev.parley.chat.adapter.out.apigateway.ApiGatewayMessagePublisher;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbBroadcastRecords;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbPortsModule;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbHistorySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistrySettings;
import dev.parley.chat.adapter.out.sqs.SqsBroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS SDK clients and the adapters built on them. Region and credentials are explicit: no provider-chain lookups. */
@Module(includes = DynamoDbPortsModule.class)
final class AwsModule {

    private AwsModule() {}

    @Provides
    @Singleton
    static Region region(ChatConfiguration configuration) {
        return Region.of(configuration.region());
    }

    /**
     * Every call is bounded ({@link ChatConfiguration#dynamoDbTimeouts()}): an unreachable or silent DynamoDB fails the
     * call with an {@code SdkClientException} in seconds, which the handlers answer with an {@code INTERNAL} error,
     * instead of holding the invocation until Lambda kills it. The CRT HTTP client (already loaded for
     * {@code @connections}) starts a quarter faster than the URL-connection one (docs/benchmarks.md, cold start); it
     * has no socket timeout of its own, so the attempt timeout is what bounds a silent server.
     */
    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(ChatConfiguration configuration, Region region, AwsCredentialsProvider credentials) {
        var builder = bounded(DynamoDbClient.builder(), region, credentials, configuration.dynamoDbTimeouts());
        configuration.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A client of {@code region}, signing with {@code credentials}, each call bounded by {@code timeouts}. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B bounded(B builder, Region region,
            AwsCredentialsProvider credentials, DynamoDbTimeouts timeouts) {
        return builder
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(AwsCrtHttpClient.builder()
                        .connectionTimeout(timeouts.attempt())
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.call()));
    }

    /** How both registries use the chat details table: the rooms of a connection are on its row. */
    @Provides
    @Singleton
    static DynamoDbRegistrySettings registrySettings(ChatConfiguration configuration) {
        return new DynamoDbRegistrySettings(configuration.tableName(), configuration.activeShards(),
                DynamoDbRegistrySettings.defaults(configuration.tableName()).queryPageSize(),
                configuration.connectionRetention());
    }

    @Provides
    @Singleton
    static DynamoDbRoomRegistrySettings roomRegistrySettings(DynamoDbRegistrySettings connections,
            ChatConfiguration configuration) {
        return DynamoDbRoomRegistrySettings.of(connections, configuration.roomsTableName());
    }

    @Provides
    @Singleton
    static DynamoDbHistorySettings historySettings(ChatConfiguration configuration) {
        return new DynamoDbHistorySettings(configuration.history().tableName(), 0);
    }

    @Provides
    @Singleton
    static BroadcastRecords broadcastRecords(DynamoDbClient client, DynamoDbHistorySettings settings) {
        return new DynamoDbBroadcastRecords(client, settings.tableName());
    }

    /**
     * The SQS queue of broadcast work; a deployment without one refuses everything, so a broadcast beyond the inline
     * limit is answered {@code 500} at once and its record shows it ended with no recipient. Bounded like DynamoDB's calls:
     * an unreachable queue fails the request in seconds.
     */
    @Provides
    @Singleton
    static BroadcastQueue broadcastQueue(ChatConfiguration configuration, Region region,
            AwsCredentialsProvider credentials, BroadcastWorkCodec codec) {
        BroadcastQueueConfiguration queue = configuration.broadcastQueue();
        if (queue.queueUrl().isEmpty()) {
            return new BroadcastQueue() {
                @Override
                public <W extends BroadcastWork> List<W> enqueue(List<W> work) {
                    return work;
                }
            };
        }
        var builder = bounded(SqsClient.builder(), region, credentials, configuration.dynamoDbTimeouts());
        queue.sqsEndpoint().ifPresent(builder::endpointOverride);
        return new SqsBroadcastQueue(builder.build(), queue.queueUrl().get().toString(), codec);
    }

    /** The publisher's defaults, paced to the {@code @connections} rate the function is configured with. */
    @Provides
    @Singleton
    static PublisherSettings publisherSettings(ChatConfiguration configuration) {
        return PublisherSettings.defaults().withCallbackRate(configuration.callbackRate());
    }

    @Provides
    @Singleton
    static ApiGatewayManagementApiAsyncClient managementApiClient(
            ChatConfiguration configuration, Region region, AwsCredentialsProvider credentials, PublisherSettings settings) {
        return ManagementApiClients.create(
                configuration.websocketCallbackUrl(), region, credentials, settings.maxConcurrentSends());
    }

    @Provides
    @Singleton
    static ApiGatewayMessagePublisher apiGatewayMessagePublisher(
            ApiGatewayManagementApiAsyncClient client, FrameWriter writer, PublisherSettings settings) {
        return new ApiGatewayMessagePublisher(client, writer, settings);
    }

    /** Every use case gets the publisher, but only a message with a recipient builds the {@code @connections} client. */
    @Provides
    @Singleton
    static MessagePublisher messagePublisher(Lazy<ApiGatewayMessagePublisher> publisher) {
        return new OnDemandMessagePublisher(publisher);
    }
}
