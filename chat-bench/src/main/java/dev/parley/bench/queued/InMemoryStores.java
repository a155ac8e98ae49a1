package dev.parley.bench.queued;

import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.adapter.out.sqs.SqsBroadcastQueue;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.wiring.BroadcastQueueConfiguration;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.SuppliedAdaptersChatComponent;
import dev.parley.local.ChatComponents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The chat's stores in memory, shared by every function chat-local runs (the REST route and each worker environment),
 * while the queue (ElasticMQ) and {@code @connections} (the throttled local gateway) stay the real adapters: a
 * broadcast to a million connections then measures the queue, the workers and their pacing, not dynalite.
 */
final class InMemoryStores {

    // As SystemClockModule provides it: millisecond ticks of the UTC clock.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(registry);
    private final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();
    private final InMemoryMessageHistory history = InMemoryMessageHistory.forWindow(HistoryWindow.DEFAULT, clock);
    private final InMemorySendReceipts receipts = new InMemorySendReceipts();
    private final InMemoryBroadcastRecords broadcasts = new InMemoryBroadcastRecords();

    /** Registers each id as an active connection, connected an hour ago. */
    void register(List<String> ids) {
        Instant connectedAt = clock.instant().minus(Duration.ofHours(1));
        ids.forEach(id -> registry.register(new Connection(new ConnectionId(id), new DisplayName("bench"), connectedAt)));
    }

    /**
     * Each function's graph on these stores, with the publisher and the queue chat-local configured for it. The queue's
     * client does its own blocking I/O: with AWS's CRT client it would share CRT's one event loop group in this JVM
     * with every worker's {@code @connections} sends, and the planner's {@code SendMessageBatch} then waited seconds
     * behind 10,000 sends a second (over its 5 s timeout: the rest of the pages refused), which on Lambda, one
     * environment per invocation, it never does.
     */
    ChatComponents components() {
        return (configuration, credentials) -> {
            ChatComponent aws = ChatComponent.create(configuration, credentials);
            BroadcastQueueConfiguration queue = configuration.broadcastQueue();
            SqsClient sqs = SqsClient.builder()
                    .region(Region.of(configuration.region()))
                    .credentialsProvider(credentials)
                    .endpointOverride(queue.sqsEndpoint().orElseThrow())
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .overrideConfiguration(override -> override
                            .apiCallAttemptTimeout(configuration.dynamoDbTimeouts().attempt())
                            .apiCallTimeout(configuration.dynamoDbTimeouts().call()))
                    .build();
            return SuppliedAdaptersChatComponent.builder()
                    .configuration(configuration)
                    .connections(registry)
                    .rooms(rooms)
                    .limits(limits)
                    .history(history)
                    .receipts(receipts)
                    .publisher(aws.messagePublisher())
                    .broadcasts(broadcasts)
                    .broadcastQueue(new SqsBroadcastQueue(sqs, queue.queueUrl().orElseThrow().toString(),
                            aws.broadcastWorkCodec()))
                    .clock(clock)
                    .build();
        };
    }
}
