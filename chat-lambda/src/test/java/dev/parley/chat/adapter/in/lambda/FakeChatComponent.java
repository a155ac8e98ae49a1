package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastQueue;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.PlanBroadcastUseCase;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.in.StartBroadcastUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.chat.wiring.SuppliedAdaptersChatComponent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The handlers' component over in-memory fakes, its use cases wired as production wires them: what the package-private
 * handler constructors exist for.
 */
final class FakeChatComponent implements ChatComponent {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:41.987Z");
    static final String ALLOWED_ORIGIN = "https://d111111abcdef8.cloudfront.net";

    /** What the handlers stored, for the tests to read. */
    final InMemoryConnectionRegistry store = new InMemoryConnectionRegistry();
    final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(store);
    final RecordingMessagePublisher publisher = new RecordingMessagePublisher();
    final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();
    private final InMemorySendReceipts receipts = new InMemorySendReceipts();
    final InMemoryBroadcastRecords broadcasts = new InMemoryBroadcastRecords();
    final InMemoryBroadcastQueue queue = new InMemoryBroadcastQueue();
    /** Stands at {@link #NOW} until a test moves it on. */
    final AdjustableClock clock = new AdjustableClock(NOW);
    final InMemoryMessageHistory history = InMemoryMessageHistory.forWindow(HistoryWindow.DEFAULT, clock);
    /** The use cases as production wires them, over the fakes above. */
    private final ChatComponent wired;
    final FrameWriter writer;
    private int sentBeforeTheTest;

    FakeChatComponent() {
        this(UnaryOperator.identity());
    }

    /** The handlers see the store through {@code decorate}, e.g. to make it fail. */
    FakeChatComponent(UnaryOperator<ConnectionRegistry> decorate) {
        this(decorate, false);
    }

    private FakeChatComponent(UnaryOperator<ConnectionRegistry> decorate, boolean requireAuth) {
        this.wired = SuppliedAdaptersChatComponent.builder()
                .configuration(configuration(requireAuth))
                .connections(decorate.apply(store))
                .rooms(rooms)
                .limits(limits)
                .history(history)
                .receipts(receipts)
                .publisher(publisher)
                .broadcasts(broadcasts)
                .broadcastQueue(queue)
                .clock(clock)
                .build();
        this.writer = wired.frameWriter();
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
        return wired.connectUseCase();
    }

    @Override
    public ChargeFrameUseCase chargeFrameUseCase() {
        return wired.chargeFrameUseCase();
    }

    @Override
    public DisconnectUseCase disconnectUseCase() {
        return wired.disconnectUseCase();
    }

    @Override
    public SendMessageUseCase sendMessageUseCase() {
        return wired.sendMessageUseCase();
    }

    @Override
    public BroadcastUseCase broadcastUseCase() {
        return wired.broadcastUseCase();
    }

    @Override
    public StartBroadcastUseCase startBroadcastUseCase() {
        return wired.startBroadcastUseCase();
    }

    @Override
    public BroadcastStatusUseCase broadcastStatusUseCase() {
        return wired.broadcastStatusUseCase();
    }

    @Override
    public SendBroadcastPageUseCase sendBroadcastPageUseCase() {
        return wired.sendBroadcastPageUseCase();
    }

    @Override
    public PlanBroadcastUseCase planBroadcastUseCase() {
        return wired.planBroadcastUseCase();
    }

    @Override
    public BroadcastWorkCodec broadcastWorkCodec() {
        return wired.broadcastWorkCodec();
    }

    @Override
    public JoinRoomUseCase joinRoomUseCase() {
        return wired.joinRoomUseCase();
    }

    @Override
    public LeaveRoomUseCase leaveRoomUseCase() {
        return wired.leaveRoomUseCase();
    }

    @Override
    public ListMembersUseCase listMembersUseCase() {
        return wired.listMembersUseCase();
    }

    @Override
    public HistoryUseCase historyUseCase() {
        return wired.historyUseCase();
    }

    @Override
    public FrameReader frameReader() {
        return wired.frameReader();
    }

    @Override
    public FrameWriter frameWriter() {
        return writer;
    }

    @Override
    public FrameAnswers frameAnswers() {
        return wired.frameAnswers();
    }

    @Override
    public ChatConfiguration configuration() {
        return wired.configuration();
    }

    @Override
    public MessagePublisher messagePublisher() {
        return wired.messagePublisher();
    }

    @Override
    public RoomRegistry roomRegistry() {
        return wired.roomRegistry();
    }

    private static ChatConfiguration configuration(boolean requireAuth) {
        return new ChatConfiguration("chatDetails", ChatRoomsTable.DEFAULT_NAME, "us-east-1", Optional.empty(),
                URI.create("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production"), ALLOWED_ORIGIN,
                DynamoDbRegistrySettings.DEFAULT_RETENTION, DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS,
                SendRateSettings.DEFAULT, DynamoDbTimeouts.DEFAULT, CallbackRate.ACCOUNT_DEFAULT, RoomLimit.DEFAULT,
                ConnectionLimit.DEFAULT, requireAuth);
    }
}
