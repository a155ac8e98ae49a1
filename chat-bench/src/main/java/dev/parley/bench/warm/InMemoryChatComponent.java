package dev.parley.bench.warm;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastQueue;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.chat.wiring.SuppliedAdaptersChatComponent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The handlers' component on in-memory adapters: the use cases as production wires them, no AWS at all. */
final class InMemoryChatComponent {

    /**
     * A send limit no benchmark reaches: every frame is still charged and the allowance still recorded, as in
     * production, but a sender is never refused, so every invocation measures a delivered message.
     */
    static final MessageRateLimit UNREACHED_LIMIT =
            new MessageRateLimit(MessageRateLimit.MAX_PER_SECOND, MessageRateLimit.MAX_BURST);

    private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(registry);
    // As SystemClockModule provides it: millisecond ticks of the UTC clock.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final ChatComponent component = SuppliedAdaptersChatComponent.builder()
            .configuration(new ChatConfiguration(ChatDetailsTable.DEFAULT_NAME, "us-east-1", Optional.empty(),
                    URI.create("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production"), "*",
                    DynamoDbRegistrySettings.DEFAULT_RETENTION, DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS,
                    UNREACHED_LIMIT))
            .connections(registry)
            .rooms(rooms)
            .limits(new InMemoryLimitRegistry())
            .history(new DiscardingHistory())
            .receipts(new InMemorySendReceipts())
            .publisher(new DiscardingPublisher(new FrameWriter()))
            .broadcasts(new InMemoryBroadcastRecords())
            .broadcastQueue(new InMemoryBroadcastQueue())
            .clock(clock)
            .build();

    /**
     * Registers {@code connections} active connections in the lobby, as {@code $connect} leaves them, named
     * {@code room0000=} and on, and returns their ids.
     */
    ConnectionId[] connect(int connections) {
        ConnectionId[] ids = new ConnectionId[connections];
        for (int n = 0; n < connections; n++) {
            ids[n] = new ConnectionId(String.format("room%04d=", n));
            var connection = new Connection(ids[n], new DisplayName("guest-" + n), clock.instant());
            registry.register(connection);
            rooms.join(RoomName.LOBBY, Member.of(connection), RoomLimit.DEFAULT);
        }
        return ids;
    }

    /** The component the handlers are built from. */
    ChatComponent component() {
        return component;
    }
}
