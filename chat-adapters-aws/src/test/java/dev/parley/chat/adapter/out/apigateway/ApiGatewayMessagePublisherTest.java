package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.model.RoomCatchup;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.protocol.FrameWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

class ApiGatewayMessagePublisherTest {

    private static final int MAX_CONCURRENT_SENDS = 16;
    private static final int MAX_ATTEMPTS = 4;
    /** Short waits keep retrying tests quick; the doubling and the cap are PublisherSettingsTest's business. */
    private static final PublisherSettings SETTINGS = new PublisherSettings(
            MAX_CONCURRENT_SENDS, MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(4), CallbackRate.ACCOUNT_DEFAULT);
    private static final OutgoingMessage MESSAGE = new BroadcastMessage(
            new MessageId(UUID.fromString("5f0c1d2e-3b4a-4c6d-8e9f-0a1b2c3d4e5f")),
            new MessageText("maintenance at noon"), Instant.parse("2025-01-01T10:00:00Z"));
    /** {@link #MESSAGE} as chat-protocol's writer frames it. */
    private static final byte[] FRAME = ("{\"type\":\"broadcast\",\"id\":\"5f0c1d2e-3b4a-4c6d-8e9f-0a1b2c3d4e5f\","
            + "\"message\":\"maintenance at noon\",\"sentAt\":\"2025-01-01T10:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final List<ApiGatewayManagementApiAsyncClient> clients = new ArrayList<>();
    private FakeManagementApi api;

    @BeforeEach
    void startApi() throws IOException {
        api = FakeManagementApi.start();
    }

    @AfterEach
    void stopApi() {
        clients.forEach(ApiGatewayManagementApiAsyncClient::close);
        api.close();
    }

    @Test
    void givenReachableRecipients_publish_postsTheFrameOnceEachAndReportsDelivered() {
        List<ConnectionId> recipients = ids("alice=", "bob=", "carol=");

        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(MESSAGE, recipients.stream());

        assertThat(deliveries.all()).containsExactly(
                new Delivery(recipients.get(0), DeliveryResult.delivered()),
                new Delivery(recipients.get(1), DeliveryResult.delivered()),
                new Delivery(recipients.get(2), DeliveryResult.delivered()));
        assertThat(api.received()).hasSize(3)
                .allSatisfy(request -> assertThat(request.body()).isEqualTo(FRAME));
    }

    @Test
    void givenAMessageOfSeveralFrames_publish_postsThemInOrder_andStopsAtTheFirstNotDelivered() {
        ConnectionId joiner = id("joiner=");
        ConnectionId gone = id("gone=");
        api.answer(gone, 410);
        var writer = new FrameWriter();
        OutgoingMessage catchup = catchupOf(12);
        List<byte[]> frames = writer.frames(catchup);

        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(catchup, Stream.of(joiner, gone));

        assertThat(deliveries.all()).containsExactly(new Delivery(joiner, DeliveryResult.delivered()),
                new Delivery(gone, DeliveryResult.gone()));
        assertThat(frames).hasSize(1 + 12);
        assertThat(api.receivedBy(joiner)).extracting(FakeManagementApi.Received::body)
                .containsExactlyElementsOf(frames);
        assertThat(api.receivedBy(gone)).hasSize(1);
    }

    /** What a joiner that missed {@code missed} messages of a room is sent: joined, then each message. */
    private static OutgoingMessage catchupOf(int missed) {
        var epoch = new Epoch("e-1");
        var room = new RoomName("design");
        List<StoredMessage> messages = IntStream.rangeClosed(1, missed).mapToObj(seq -> new StoredMessage(
                new HistoryPosition(epoch, seq), new ChatMessage(MessageId.random(), id("sender="),
                        new DisplayName("Ann"), Optional.empty(), new MessageText("message " + seq),
                        Instant.parse("2025-01-01T10:00:00Z"), Optional.of(room), OptionalLong.of(seq))))
                .toList();
        return new RoomCatchup(MessageId.random(), Instant.parse("2025-01-01T10:00:00Z"), room,
                new MemberPage(List.of(), 0, Optional.empty()),
                new HistoryHead(new HistoryPosition(epoch, missed), Optional.of(Instant.parse("2025-01-01T10:00:00Z"))),
                new Catchup(Optional.empty(), messages, List.of()), Optional.empty());
    }

    @Test
    void givenIdsWithReservedCharacters_publish_theyReachTheServerIntact() {
        List<ConnectionId> recipients = ids("L0SM9cOFvHcCIhw=", "a+b/c==", "x_y-z");

        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(MESSAGE, recipients.stream());

        assertThat(deliveries.count(Outcome.DELIVERED)).isEqualTo(3);
        assertThat(api.received()).extracting(FakeManagementApi.Received::recipient)
                .containsExactlyInAnyOrderElementsOf(recipients);
    }

    @Test
    void givenRecipientsAnsweringEachStatus_publish_reportsEachOutcomeInStreamOrder() {
        ConnectionId delivered = id("delivered=");
        ConnectionId gone = id("gone=");
        ConnectionId tooLarge = id("tooLarge=");
        ConnectionId forbidden = id("forbidden=");
        ConnectionId broken = id("broken=");
        ConnectionId throttledOnce = id("throttledOnce=");
        api.answer(gone, 410).answer(tooLarge, 413).answer(forbidden, 403).answer(broken, 500)
                .answer(throttledOnce, 429, 200);

        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS)
                .publish(MESSAGE, Stream.of(delivered, gone, tooLarge, forbidden, broken, throttledOnce));

        assertThat(deliveries.all()).extracting(Delivery::recipient)
                .containsExactly(delivered, gone, tooLarge, forbidden, broken, throttledOnce);
        assertThat(deliveries.all()).extracting(delivery -> delivery.result().outcome()).containsExactly(
                Outcome.DELIVERED, Outcome.GONE, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.DELIVERED);
    }

    @Test
    void givenGoneRecipient_publish_reportsGoneWithoutRetrying() {
        ConnectionId gone = id("gone=");
        api.answer(gone, 410);

        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(MESSAGE, Stream.of(gone));

        assertThat(deliveries.all()).containsExactly(new Delivery(gone, DeliveryResult.gone()));
        assertThat(api.receivedBy(gone)).hasSize(1);
    }

    @Test
    void givenPayloadTooLarge_publish_reportsFailedWithoutRetrying() {
        ConnectionId recipient = id("small=");
        api.answer(recipient, 413);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("payload too large: " + FRAME.length + " bytes"));
        assertThat(api.receivedBy(recipient)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void givenRefusedRequest_publish_reportsFailedWithoutRetrying(int status) {
        ConnectionId recipient = id("refused=");
        api.answer(recipient, status);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("Status Code: " + status));
        assertThat(api.receivedBy(recipient)).hasSize(1);
    }

    @Test
    void givenThrottledRecipient_publish_retriesUntilDelivered() {
        ConnectionId recipient = id("busy=");
        api.answer(recipient, 429, 429, 429, 200);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isEqualTo(DeliveryResult.delivered());
        assertThat(api.receivedBy(recipient)).extracting(FakeManagementApi.Received::status)
                .containsExactly(429, 429, 429, 200);
    }

    @Test
    void givenRecipientThrottledForever_publish_reportsThrottledAfterMaxAttempts() {
        ConnectionId recipient = id("swamped=");
        api.answer(recipient, 429);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isEqualTo(new DeliveryResult.Throttled(MAX_ATTEMPTS));
        assertThat(api.receivedBy(recipient)).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void givenServerErrorThatPasses_publish_retriesUntilDelivered() {
        ConnectionId recipient = id("flaky=");
        api.answer(recipient, 500, 503, 200);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isEqualTo(DeliveryResult.delivered());
        assertThat(api.receivedBy(recipient)).hasSize(3);
    }

    @Test
    void givenServerErrorThatLasts_publish_retriesThenReportsFailed() {
        ConnectionId recipient = id("broken=");
        api.answer(recipient, 500);

        DeliveryResult result = publishTo(recipient);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> assertThat(failed.reason())
                .contains("Status Code: 500").contains("after " + MAX_ATTEMPTS + " attempts"));
        assertThat(api.receivedBy(recipient)).as("the SDK's own retries are off").hasSize(MAX_ATTEMPTS);
    }

    @Test
    void givenUnreachableEndpoint_publish_retriesThenReportsFailed() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                    + socket.getLocalPort() + "/production");
        }

        Deliveries deliveries = publisherFor(closedPort, SETTINGS).publish(MESSAGE, Stream.of(id("anyone=")));

        assertThat(deliveries.all()).singleElement().satisfies(delivery -> assertThat(delivery.result())
                .isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> assertThat(failed.reason())
                        .contains("SdkClientException").contains("after " + MAX_ATTEMPTS + " attempts")));
    }

    @Test
    @Timeout(20)
    void givenServerThatNeverAnswers_publish_abandonsEachAttemptAfterItsTimeoutAndReportsFailed() {
        api.hold();
        ConnectionId recipient = id("stuck=");
        PublisherSettings twoAttempts = new PublisherSettings(
                MAX_CONCURRENT_SENDS, 2, Duration.ofMillis(1), Duration.ofMillis(4), CallbackRate.ACCOUNT_DEFAULT);
        long started = System.nanoTime();

        Deliveries deliveries = publisherFor(api.callbackUrl(), twoAttempts).publish(MESSAGE, Stream.of(recipient));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(deliveries.all()).singleElement().satisfies(delivery -> assertThat(delivery.result())
                .isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> assertThat(failed.reason())
                        .contains("ApiCallAttemptTimeoutException").contains("after 2 attempts")));
        assertThat(api.receivedBy(recipient)).hasSize(2);
        // Two attempts of 2 s each: far from the 10 s the held server would keep them waiting.
        assertThat(took).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void givenManyRecipientsAndSlowServer_publish_sendsInParallelWithinTheLimit() {
        api.respondAfter(Duration.ofMillis(20));
        List<ConnectionId> recipients = IntStream.range(0, 300).mapToObj(n -> id("conn" + n + "=")).toList();
        // A client allowed more connections than the publisher, so only the publisher's own limit holds sends back.
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS, 4 * MAX_CONCURRENT_SENDS);

        Deliveries deliveries = publisher.publish(MESSAGE, recipients.stream());

        assertThat(deliveries.count(Outcome.DELIVERED)).isEqualTo(300);
        assertThat(api.maxInFlight()).isBetween(MAX_CONCURRENT_SENDS / 2, MAX_CONCURRENT_SENDS);
        assertThat(api.received()).extracting(FakeManagementApi.Received::recipient)
                .containsExactlyInAnyOrderElementsOf(recipients);
    }

    @Test
    void givenLongStreamAndStalledServer_publish_pullsOneRecipientPerFreePermit() throws InterruptedException {
        api.hold();
        AtomicInteger pulled = new AtomicInteger();
        Stream<ConnectionId> recipients = IntStream.range(0, 200)
                .mapToObj(n -> id("conn" + n + "="))
                .peek(recipient -> pulled.incrementAndGet());
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS);

        CompletableFuture<Deliveries> publishing = CompletableFuture.supplyAsync(
                () -> publisher.publish(MESSAGE, recipients));
        awaitTrue(() -> api.inFlight() == MAX_CONCURRENT_SENDS);

        assertThat(pulled).hasValue(MAX_CONCURRENT_SENDS);
        assertThat(publishing).isNotDone();
        api.release();
        assertThat(publishing.join().count(Outcome.DELIVERED)).isEqualTo(200);
        assertThat(pulled).hasValue(200);
    }

    @Test
    void givenConcurrentPublishesAndStalledServer_publish_theirSendsTogetherStayWithinTheLimit()
            throws InterruptedException {
        api.hold();
        // A client allowed more connections than the publisher: only the publisher's limit can hold the sends back.
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS, 4 * MAX_CONCURRENT_SENDS);
        List<CompletableFuture<Deliveries>> publishing = IntStream.range(0, 3)
                .mapToObj(publish -> CompletableFuture.supplyAsync(() -> publisher.publish(MESSAGE,
                        IntStream.range(0, 50).mapToObj(n -> id("p" + publish + "c" + n + "=")))))
                .toList();
        awaitTrue(() -> api.inFlight() == MAX_CONCURRENT_SENDS);
        Thread.sleep(300);

        assertThat(api.inFlight()).isEqualTo(MAX_CONCURRENT_SENDS);
        api.release();
        assertThat(publishing).allSatisfy(deliveries ->
                assertThat(deliveries.join().count(Outcome.DELIVERED)).isEqualTo(50));
        assertThat(api.maxInFlight()).isEqualTo(MAX_CONCURRENT_SENDS);
    }

    @Test
    void givenPublishesOneAfterAnother_publish_eachFindsEveryPermitFree() throws InterruptedException {
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS);
        for (int publish = 0; publish < 3; publish++) {
            assertThat(publisher.publish(MESSAGE, Stream.empty()).all()).isEmpty();
            assertThat(publisher.publish(MESSAGE, ids("a=", "b=").stream()).count(Outcome.DELIVERED)).isEqualTo(2);
        }
        api.hold();
        CompletableFuture<Deliveries> stalled = CompletableFuture.supplyAsync(() -> publisher.publish(MESSAGE,
                IntStream.range(0, 2 * MAX_CONCURRENT_SENDS).mapToObj(n -> id("late" + n + "="))));

        awaitTrue(() -> api.inFlight() == MAX_CONCURRENT_SENDS);
        api.release();
        assertThat(stalled.join().count(Outcome.DELIVERED)).isEqualTo(2 * MAX_CONCURRENT_SENDS);
    }

    @Test
    void givenOnePermitAndThrottledFirstRecipient_publish_holdsThePermitWhileBackingOff() {
        ConnectionId throttled = id("throttled=");
        ConnectionId next = id("next=");
        api.answer(throttled, 429, 429, 200);
        PublisherSettings onePermit = new PublisherSettings(
                1, MAX_ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(10), CallbackRate.ACCOUNT_DEFAULT);

        publisherFor(api.callbackUrl(), onePermit).publish(MESSAGE, Stream.of(throttled, next));

        assertThat(api.received()).extracting(FakeManagementApi.Received::recipient)
                .containsExactly(throttled, throttled, throttled, next);
    }

    @Test
    void givenRateBelowDemand_publish_sendsTheBurstAtOnceThenPacesTheRestToTheRate() {
        // 10 at once, then one every 5 ms: the last of 50 can leave no earlier than 40 x 5 ms = 200 ms in.
        PublisherSettings paced = new PublisherSettings(
                MAX_CONCURRENT_SENDS, MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(4), new CallbackRate(200, 10));
        List<ConnectionId> recipients = IntStream.range(0, 50).mapToObj(n -> id("paced" + n + "=")).toList();

        long start = System.nanoTime();
        Deliveries deliveries = publisherFor(api.callbackUrl(), paced).publish(MESSAGE, recipients.stream());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(deliveries.count(Outcome.DELIVERED)).isEqualTo(50);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(195));
    }

    @Test
    void givenThrottledRecipientAndSlowRate_publish_pacesTheRetriesToo() {
        // Burst 1 at 20/s: the first attempt goes at once, each of the two retries waits for its own 50 ms token.
        ConnectionId recipient = id("busy=");
        api.answer(recipient, 429, 429, 200);
        PublisherSettings paced = new PublisherSettings(
                MAX_CONCURRENT_SENDS, MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(4), new CallbackRate(20, 1));

        long start = System.nanoTime();
        Deliveries deliveries = publisherFor(api.callbackUrl(), paced).publish(MESSAGE, Stream.of(recipient));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(deliveries.all()).containsExactly(new Delivery(recipient, DeliveryResult.delivered()));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(95));
    }

    @Test
    void givenEmptyStream_publish_returnsNoDeliveriesWithoutCallingTheServer() {
        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(MESSAGE, Stream.empty());

        assertThat(deliveries.all()).isEmpty();
        assertThat(api.received()).isEmpty();
    }

    @Test
    void givenStreamFailingMidway_publish_awaitsStartedSendsThenRethrows() {
        api.respondAfter(Duration.ofMillis(50));
        List<ConnectionId> first = ids("first=", "second=", "third=");
        AtomicBoolean closed = new AtomicBoolean();
        Stream<ConnectionId> failing = Stream.concat(first.stream(), Stream.<ConnectionId>generate(() -> {
            throw new IllegalStateException("registry page unreadable");
        })).onClose(() -> closed.set(true));
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS);

        assertThatThrownBy(() -> publisher.publish(MESSAGE, failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("registry page unreadable");

        assertThat(api.received()).extracting(FakeManagementApi.Received::recipient)
                .containsExactlyInAnyOrderElementsOf(first);
        assertThat(api.inFlight()).as("requests still unanswered").isZero();
        assertThat(closed).isTrue();
    }

    @Test
    void givenNullAmongRecipients_publish_throwsClearError() {
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS);

        assertThatThrownBy(() -> publisher.publish(MESSAGE, Stream.of(id("fine="), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("the recipients contain null");
    }

    @Test
    void givenInterruptedCaller_publish_sendsNothingAndThrowsCancellation() {
        ApiGatewayMessagePublisher publisher = publisherFor(api.callbackUrl(), SETTINGS);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> publisher.publish(MESSAGE, Stream.of(id("anyone="))))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(api.received()).isEmpty();
    }

    private DeliveryResult publishTo(ConnectionId recipient) {
        Deliveries deliveries = publisherFor(api.callbackUrl(), SETTINGS).publish(MESSAGE, Stream.of(recipient));
        assertThat(deliveries.all()).extracting(Delivery::recipient).containsExactly(recipient);
        return deliveries.all().get(0).result();
    }

    private ApiGatewayMessagePublisher publisherFor(URI callbackUrl, PublisherSettings settings) {
        return publisherFor(callbackUrl, settings, settings.maxConcurrentSends());
    }

    private ApiGatewayMessagePublisher publisherFor(URI callbackUrl, PublisherSettings settings, int connections) {
        ApiGatewayManagementApiAsyncClient client = ManagementApiClients.create(callbackUrl, Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), connections);
        clients.add(client);
        return new ApiGatewayMessagePublisher(client, new FrameWriter(), settings);
    }

    private static ConnectionId id(String value) {
        return new ConnectionId(value);
    }

    private static List<ConnectionId> ids(String... values) {
        return Stream.of(values).map(ConnectionId::new).toList();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
