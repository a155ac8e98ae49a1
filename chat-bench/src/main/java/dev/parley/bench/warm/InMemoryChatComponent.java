package dev.parley.bench.warm;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.domain.service.ConnectService;
import dev.parley.chat.domain.service.DisconnectService;
import dev.parley.chat.domain.service.HistoryService;
import dev.parley.chat.domain.service.JoinRoomService;
import dev.parley.chat.domain.service.LeaveRoomService;
import dev.parley.chat.domain.service.ListMembersService;
import dev.parley.chat.domain.service.SendMessageService;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.service.ChargeFrameService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The handlers' component on in-memory adapters: the use cases as DomainModule wires them, no AWS at all. */
final class InMemoryChatComponent implements ChatComponent {

    /**
     * A send limit no benchmark reaches: every frame is still charged and the allowance still recorded, as in
     * production, but a sender is never refused, so every invocation measures a delivered message.
     */
    static final MessageRateLimit UNREACHED_LIMIT =
            new MessageRateLimit(MessageRateLimit.MAX_PER_SECOND, MessageRateLimit.MAX_BURST);

    private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(registry);
    private final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();
    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();
    private final MessagePublisher publisher = new DiscardingPublisher(writer);
    private final MessageHistory history = new DiscardingHistory();
    // As DomainModule provides it: millisecond ticks of the UTC clock.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final SendMessageUseCase sendMessage = new SendMessageService(registry, rooms, publisher, clock, limits,
            history, new InMemorySendReceipts(), HistoryWindow.DEFAULT);
    private final ChargeFrameUseCase chargeFrame = new ChargeFrameService(limits, clock, UNREACHED_LIMIT);

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

    @Override
    public ConnectUseCase connectUseCase() {
        return new ConnectService(registry, rooms, publisher, clock, limits, RoomLimit.DEFAULT, ConnectionLimit.DEFAULT);
    }

    @Override
    public ChargeFrameUseCase chargeFrameUseCase() {
        return chargeFrame;
    }

    @Override
    public DisconnectUseCase disconnectUseCase() {
        return new DisconnectService(registry, rooms, publisher, clock, limits);
    }

    @Override
    public SendMessageUseCase sendMessageUseCase() {
        return sendMessage;
    }

    @Override
    public BroadcastUseCase broadcastUseCase() {
        return new BroadcastService(registry, rooms, publisher, clock, limits);
    }

    @Override
    public JoinRoomUseCase joinRoomUseCase() {
        return new JoinRoomService(registry, rooms, publisher, clock, limits, RoomLimit.DEFAULT, history,
                HistoryWindow.DEFAULT);
    }

    @Override
    public LeaveRoomUseCase leaveRoomUseCase() {
        return new LeaveRoomService(registry, rooms, publisher, clock, limits);
    }

    @Override
    public ListMembersUseCase listMembersUseCase() {
        return new ListMembersService(rooms);
    }

    @Override
    public HistoryUseCase historyUseCase() {
        return new HistoryService(rooms, history, configuration().history().window(), publisher, clock);
    }

    @Override
    public FrameReader frameReader() {
        return reader;
    }

    @Override
    public FrameWriter frameWriter() {
        return writer;
    }

    @Override
    public ChatConfiguration configuration() {
        return new ChatConfiguration(ChatDetailsTable.DEFAULT_NAME, "us-east-1", Optional.empty(),
                URI.create("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production"), "*",
                DynamoDbRegistrySettings.DEFAULT_RETENTION, DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS,
                UNREACHED_LIMIT);
    }
}
