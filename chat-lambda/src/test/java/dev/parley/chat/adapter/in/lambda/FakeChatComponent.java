package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.domain.service.ChargeFrameService;
import dev.parley.chat.domain.service.ConnectService;
import dev.parley.chat.domain.service.DisconnectService;
import dev.parley.chat.domain.service.HistoryService;
import dev.parley.chat.domain.service.JoinRoomService;
import dev.parley.chat.domain.service.LeaveRoomService;
import dev.parley.chat.domain.service.ListMembersService;
import dev.parley.chat.domain.service.SendMessageService;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.settings.DynamoDbTimeouts;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The handlers' component over in-memory fakes: what the package-private handler constructors exist for. */
final class FakeChatComponent implements ChatComponent {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:41.987Z");
    static final String ALLOWED_ORIGIN = "https://d111111abcdef8.cloudfront.net";

    /** What the handlers stored, for the tests to read. */
    final InMemoryConnectionRegistry store = new InMemoryConnectionRegistry();
    final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(store);
    final RecordingMessagePublisher publisher = new RecordingMessagePublisher();
    final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();
    final InMemoryMessageHistory history = new InMemoryMessageHistory();
    private final InMemorySendReceipts receipts = new InMemorySendReceipts();
    final FrameWriter writer = new FrameWriter();
    private final FrameReader reader = new FrameReader();
    /** Stands at {@link #NOW} until a test moves it on. */
    final AdjustableClock clock = new AdjustableClock(NOW);
    private final ConnectionRegistry registry;
    private final boolean requireAuth;
    private int sentBeforeTheTest;

    FakeChatComponent() {
        this(UnaryOperator.identity());
    }

    /** The handlers see the store through {@code decorate}, e.g. to make it fail. */
    FakeChatComponent(UnaryOperator<ConnectionRegistry> decorate) {
        this(decorate, false);
    }

    private FakeChatComponent(UnaryOperator<ConnectionRegistry> decorate, boolean requireAuth) {
        this.registry = decorate.apply(store);
        this.requireAuth = requireAuth;
    }

    /** As deployed with the authorizer: {@code REQUIRE_AUTH} on. */
    static FakeChatComponent requiringAuth() {
        return new FakeChatComponent(UnaryOperator.identity(), true);
    }

    /** From now on {@link #sent()} leaves out what was sent so far: the presence frames of a test's own set-up. */
    void settled() {
        sentBeforeTheTest = publisher.sent().size();
    }

    /** What was sent since {@link #settled()}. */
    List<RecordingMessagePublisher.Sent> sent() {
        List<RecordingMessagePublisher.Sent> all = publisher.sent();
        return all.subList(sentBeforeTheTest, all.size());
    }

    @Override
    public ConnectUseCase connectUseCase() {
        return new ConnectService(registry, rooms, publisher, clock, limits, configuration().roomLimit(),
                configuration().connectionLimit());
    }

    @Override
    public ChargeFrameUseCase chargeFrameUseCase() {
        return new ChargeFrameService(limits, clock, configuration().sendRateLimit());
    }

    @Override
    public DisconnectUseCase disconnectUseCase() {
        return new DisconnectService(registry, rooms, publisher, clock, limits);
    }

    @Override
    public SendMessageUseCase sendMessageUseCase() {
        return new SendMessageService(registry, rooms, publisher, clock, limits, history, receipts,
                configuration().history().window());
    }

    @Override
    public BroadcastUseCase broadcastUseCase() {
        return new BroadcastService(registry, rooms, publisher, clock, limits);
    }

    @Override
    public JoinRoomUseCase joinRoomUseCase() {
        return new JoinRoomService(registry, rooms, publisher, clock, limits, configuration().roomLimit(), history,
                configuration().history().window());
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
        return new ChatConfiguration("chatDetails", ChatRoomsTable.DEFAULT_NAME, "us-east-1", Optional.empty(),
                URI.create("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production"), ALLOWED_ORIGIN,
                DynamoDbRegistrySettings.DEFAULT_RETENTION, DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS,
                SendRateSettings.DEFAULT, DynamoDbTimeouts.DEFAULT, CallbackRate.ACCOUNT_DEFAULT, RoomLimit.DEFAULT,
                ConnectionLimit.DEFAULT, requireAuth);
    }
}
