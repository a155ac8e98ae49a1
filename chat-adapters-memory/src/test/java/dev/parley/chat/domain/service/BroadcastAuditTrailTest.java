package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastQueue;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.BroadcastState;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastStart;
import dev.parley.chat.domain.port.in.SentPage;
import dev.parley.chat.domain.port.in.StartBroadcastCommand;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A queued broadcast's page writes its audit trail chunk by chunk while it sends the next chunk. */
class BroadcastAuditTrailTest {

    private static final int PAGE_SIZE = 250;
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ChatFixture chat = new ChatFixture();
    private final InMemoryBroadcastRecords records = new InMemoryBroadcastRecords();
    private final InMemoryBroadcastQueue queue = new InMemoryBroadcastQueue();
    private final CountDownLatch secondChunkSent = new CountDownLatch(1);
    private final CountDownLatch lastChunkSent = new CountDownLatch(1);
    private final AtomicInteger publishes = new AtomicInteger();
    private final MessagePublisher countingPublisher = new MessagePublisher() {
        @Override
        public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
            int publish = publishes.incrementAndGet();
            Deliveries deliveries = chat.publisher.publish(message, recipients);
            if (publish == 2) {
                secondChunkSent.countDown();
            } else if (publish == 3) {
                lastChunkSent.countDown();
            }
            return deliveries;
        }
    };

    @Test
    void aPage_writesAChunksAuditTrailWhileTheNextChunkIsSent_andCountsThePageOnceAllIsWritten() {
        List<Connection> audience = audience(PAGE_SIZE);
        var overlapped = new AtomicBoolean();
        var firstWrite = new AtomicBoolean(true);
        ConnectionRegistry waitingForTheNextChunk = new DelegatingConnectionRegistry(chat.registry) {
            @Override
            public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
                if (firstWrite.getAndSet(false)) {
                    overlapped.set(await(secondChunkSent));
                }
                super.recordBroadcast(reached, broadcast);
            }
        };
        MessageId id = queuedBroadcast();
        BroadcastPage page = onlyPage();

        SentPage sent = worker(waitingForTheNextChunk).send(page);

        assertThat(overlapped).as("the first chunk's trail was written while the second chunk was sent").isTrue();
        assertThat(publishes).hasValue(3);
        assertThat(sent).isInstanceOf(SentPage.Counted.class);
        assertThat(audience).allSatisfy(connection -> assertThat(chat.recordOf(connection).latestBroadcast())
                .map(PostedText::text).contains(new MessageText("maintenance at noon")));
        assertThat(status(id)).extracting(BroadcastProgress::state, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, PAGE_SIZE);
    }

    @Test
    void aSlowAuditTrail_neverHoldsUpTheSends() {
        audience(PAGE_SIZE);
        var sendsWentOn = new AtomicBoolean();
        var firstWrite = new AtomicBoolean(true);
        ConnectionRegistry slowStore = new DelegatingConnectionRegistry(chat.registry) {
            @Override
            public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
                if (firstWrite.getAndSet(false)) {
                    // The first chunk's writes last until every chunk has been sent.
                    sendsWentOn.set(await(lastChunkSent));
                }
                super.recordBroadcast(reached, broadcast);
            }
        };
        MessageId id = queuedBroadcast();

        SentPage sent = worker(slowStore).send(onlyPage());

        assertThat(sendsWentOn).as("the last chunk was sent while the first chunk's trail was still being written")
                .isTrue();
        assertThat(sent).isInstanceOf(SentPage.Counted.class);
        assertThat(status(id)).extracting(BroadcastProgress::state, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, PAGE_SIZE);
    }

    @Test
    void aFailingAuditTrailWrite_failsThePageUncounted_forTheQueueToDeliverItAgain() {
        audience(PAGE_SIZE);
        var writes = new AtomicInteger();
        ConnectionRegistry failingSecondWrite = new DelegatingConnectionRegistry(chat.registry) {
            @Override
            public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
                if (writes.incrementAndGet() == 2) {
                    throw new IllegalStateException("DynamoDB refused the audit trail");
                }
                super.recordBroadcast(reached, broadcast);
            }
        };
        MessageId id = queuedBroadcast();
        BroadcastPage page = onlyPage();

        assertThatThrownBy(() -> worker(failingSecondWrite).send(page))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit trail");
        assertThat(status(id)).extracting(BroadcastProgress::state, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.RUNNING, 0);

        assertThat(worker(chat.registry).send(page)).isInstanceOf(SentPage.Counted.class);
        assertThat(status(id)).extracting(BroadcastProgress::state, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, PAGE_SIZE);
    }

    private MessageId queuedBroadcast() {
        var start = new StartBroadcastService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits,
                records, queue, 1);
        BroadcastStart started = start.start(new StartBroadcastCommand(
                new BroadcastCommand(new MessageText("maintenance at noon")), false));
        assertThat(started).isInstanceOf(BroadcastStart.Queued.class);
        new PlanBroadcastService(chat.registry, chat.rooms, chat.clock, records, queue, PAGE_SIZE)
                .plan((BroadcastPlanning) queue.takeAll().get(0));
        return ((BroadcastStart.Queued) started).progress().broadcastId();
    }

    private BroadcastPage onlyPage() {
        var work = queue.takeAll();
        assertThat(work).hasSize(1).allSatisfy(page -> assertThat(page).isInstanceOf(BroadcastPage.class));
        return (BroadcastPage) work.get(0);
    }

    private SendBroadcastPageService worker(ConnectionRegistry registry) {
        return new SendBroadcastPageService(registry, chat.rooms, countingPublisher, chat.clock, chat.limits, records);
    }

    private BroadcastProgress status(MessageId id) {
        return new BroadcastStatusService(records).status(id).orElseThrow();
    }

    private List<Connection> audience(int size) {
        return IntStream.range(0, size).mapToObj(i -> chat.active("member-" + i)).toList();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
