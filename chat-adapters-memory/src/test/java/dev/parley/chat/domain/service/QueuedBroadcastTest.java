package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.adapter.out.memory.InMemoryBroadcastQueue;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.AudiencePlan;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.BroadcastState;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastNotQueuedException;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastStart;
import dev.parley.chat.domain.port.in.PlannedBroadcast;
import dev.parley.chat.domain.port.in.SentPage;
import dev.parley.chat.domain.port.in.StartBroadcastCommand;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A broadcast through the work queue: started, planned and its pages sent by workers, its progress watched. */
class QueuedBroadcastTest {

    private static final MessageText NOTICE = new MessageText("maintenance at noon");
    private static final int INLINE_LIMIT = 3;
    private static final int PAGE_SIZE = 2;

    private final ChatFixture chat = new ChatFixture();
    private final InMemoryBroadcastRecords records = new InMemoryBroadcastRecords();
    private final InMemoryBroadcastQueue queue = new InMemoryBroadcastQueue();
    private final StartBroadcastService start = new StartBroadcastService(chat.registry, chat.rooms, chat.publisher,
            chat.clock, chat.limits, records, queue, INLINE_LIMIT);
    private final PlanBroadcastService planner = planner(queue);
    private final BroadcastStatusService status = new BroadcastStatusService(records);

    @Test
    void givenAudienceUpToTheInlineLimit_start_sendsDuringTheCall_andQueuesNothing() {
        List<Connection> audience = audience(INLINE_LIMIT);

        BroadcastStart started = start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false));

        BroadcastReport report = ((BroadcastStart.SentInline) started).report();
        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 3, 3, 0, 0));
        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrderElementsOf(audience.stream().map(Connection::id).toList());
        assertThat(queue.takeAll()).isEmpty();
        assertThat(records.find(report.broadcastId())).isEmpty();
    }

    @Test
    void givenAudienceOverTheInlineLimit_start_recordsItQueuedAndQueuesOnlyItsPlanning_readingNoFurther() {
        audience(INLINE_LIMIT + 2);

        BroadcastProgress progress = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false)));

        assertThat(progress).isEqualTo(new BroadcastProgress(progress.broadcastId(), BroadcastState.QUEUED, 0, 0, 0, 0,
                NOW, Optional.empty()));
        assertThat(queue.takeAll()).containsExactly(new BroadcastPlanning(progress.broadcastId()));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(status.status(progress.broadcastId())).contains(progress);
    }

    @Test
    void planning_queuesPagesCoveringEachRecipientOnce_andMakesItRunningWithTheRecipientsAttempted() {
        List<Connection> audience = audience(INLINE_LIMIT + 2);
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();
        chat.clock.advance(Duration.ofSeconds(1));

        PlannedBroadcast planned = planner.plan((BroadcastPlanning) queue.takeAll().get(0));

        assertThat(planned).isEqualTo(new PlannedBroadcast.Queued(new AudiencePlan(5, 3), 0));
        List<BroadcastPage> pages = pages(queue.takeAll());
        assertThat(pages).extracting(BroadcastPage::number).containsExactly(0, 1, 2);
        assertThat(pages).extracting(page -> page.recipients().size()).containsExactly(2, 2, 1);
        assertThat(pages).allSatisfy(page -> assertThat(page.broadcast()).isEqualTo(id));
        assertThat(pages.stream().flatMap(page -> page.recipients().stream()))
                .containsExactlyInAnyOrderElementsOf(audience.stream().map(Connection::id).toList());
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(status.status(id)).contains(new BroadcastProgress(id, BroadcastState.RUNNING, 5, 0, 0, 0, NOW,
                Optional.empty()));
    }

    @Test
    void givenRespondAsync_start_queuesEvenASmallAudience() {
        audience(1);

        BroadcastProgress progress = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), true)));
        work();

        assertThat(status.status(progress.broadcastId()).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::attempted, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, 1, 1);
    }

    @Test
    void givenRespondAsyncAndNoAudience_planning_makesItDoneWithNoRecipient_queuingNoPage() {
        BroadcastProgress progress = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), true)));

        planner.plan((BroadcastPlanning) queue.takeAll().get(0));

        assertThat(queue.takeAll()).isEmpty();
        assertThat(status.status(progress.broadcastId())).contains(new BroadcastProgress(progress.broadcastId(),
                BroadcastState.DONE, 0, 0, 0, 0, NOW, Optional.of(NOW)));
    }

    @Test
    void pagesSentByWorkers_reachEveryRecipientWithOneMessage_keepTheAuditTrail_andEndDone() {
        List<Connection> audience = audience(5);
        UserId ops = new UserId("ops-1");
        MessageId id = queued(start.start(new StartBroadcastCommand(
                new BroadcastCommand(NOTICE, Optional.empty(), Optional.of(ops)), false))).broadcastId();
        chat.clock.advance(Duration.ofSeconds(3));
        planner.plan((BroadcastPlanning) queue.takeAll().get(0));
        List<BroadcastPage> pages = pages(queue.takeAll());

        assertThat(worker(records).send(pages.get(0))).isEqualTo(new SentPage.Counted(new PageCounts(2, 0, 0)));
        assertThat(status.status(id).orElseThrow().state()).isEqualTo(BroadcastState.RUNNING);
        pages.subList(1, pages.size()).forEach(worker(records)::send);

        var message = new BroadcastMessage(id, NOTICE, NOW);
        assertThat(chat.publisher.sent()).containsExactlyInAnyOrderElementsOf(audience.stream()
                .map(connection -> new RecordingMessagePublisher.Sent(connection.id(), message)).toList());
        assertThat(audience).allSatisfy(connection -> assertThat(chat.recordOf(connection).latestBroadcast())
                .contains(new PostedText(NOTICE, NOW, Optional.of(ops))));
        assertThat(status.status(id)).contains(new BroadcastProgress(id, BroadcastState.DONE, 5, 5, 0, 0, NOW,
                Optional.of(NOW.plusSeconds(3))));
    }

    @Test
    void givenRoom_pages_goToItsMembersOnly_withTheRoomOnTheMessage() {
        RoomName games = new RoomName("games");
        List<Connection> audience = audience(5);
        audience.subList(0, 4).forEach(member -> chat.join(member, games));
        MessageId id = queued(start.start(new StartBroadcastCommand(
                new BroadcastCommand(NOTICE, Optional.of(games)), false))).broadcastId();

        work();

        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrderElementsOf(audience.subList(0, 4).stream().map(Connection::id).toList());
        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::message)
                .containsOnly(new BroadcastMessage(id, NOTICE, NOW, Optional.of(games)));
        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::attempted, BroadcastProgress::delivered).containsExactly(4, 4);
    }

    @Test
    void aPlanningDeliveredAgainAfterItQueuedThePages_queuesNothing() {
        audience(5);
        queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false)));
        var planning = (BroadcastPlanning) queue.takeAll().get(0);
        planner.plan(planning);
        List<BroadcastWork> firstPages = queue.takeAll();

        assertThat(planner.plan(planning)).isEqualTo(new PlannedBroadcast.QueuedBefore());

        assertThat(firstPages).hasSize(3);
        assertThat(queue.takeAll()).isEmpty();
    }

    @Test
    void aPlanningDeliveredAgainAfterItsWorkerDied_queuesThePlanFixedBefore_notTheAudienceAsItIsNow() {
        List<Connection> audience = audience(5);
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();
        var planning = (BroadcastPlanning) queue.takeAll().get(0);
        assertThatThrownBy(() -> planner(new KilledWhileQueuing()).plan(planning))
                .isInstanceOf(IllegalStateException.class);
        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::attempted)
                .containsExactly(BroadcastState.RUNNING, 5);
        chat.active("joined-later");

        assertThat(planner.plan(planning)).isEqualTo(new PlannedBroadcast.Queued(new AudiencePlan(5, 3), 0));
        work();

        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrderElementsOf(audience.stream().map(Connection::id).toList());
        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::attempted, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, 5, 5);
    }

    @Test
    void aPageDeliveredTwice_isSentAgainButCountedOnce() {
        audience(5);
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();
        planner.plan((BroadcastPlanning) queue.takeAll().get(0));
        List<BroadcastPage> pages = pages(queue.takeAll());

        pages.forEach(worker(records)::send);
        SentPage again = worker(records).send(pages.get(1));

        assertThat(again).isEqualTo(new SentPage.Repeated(new PageCounts(2, 0, 0)));
        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::attempted, BroadcastProgress::delivered)
                .containsExactly(BroadcastState.DONE, 5, 5);
    }

    @Test
    void aWorkerThatDiesAfterSendingBeforeCounting_leavesThePageToComeAgain_countersExact_atMostOneRepeatEach() {
        List<Connection> audience = audience(5);
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();
        planner.plan((BroadcastPlanning) queue.takeAll().get(0));
        List<BroadcastPage> pages = pages(queue.takeAll());
        BroadcastRecords dyingBeforeCount = new DyingBeforeCount(records);

        assertThatThrownBy(() -> worker(dyingBeforeCount).send(pages.get(1))).isInstanceOf(IllegalStateException.class);
        assertThat(status.status(id).orElseThrow().delivered()).isZero();
        pages.forEach(worker(records)::send);

        Map<ConnectionId, Long> copies = chat.publisher.sent().stream()
                .collect(Collectors.groupingBy(RecordingMessagePublisher.Sent::recipient, Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(audience.stream().map(Connection::id).toList());
        assertThat(copies.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 2L));
        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::delivered, BroadcastProgress::failed)
                .containsExactly(BroadcastState.DONE, 5, 0);
    }

    @Test
    void aRecipientFoundGone_isCountedGoneAndMarkedDisconnected() {
        List<Connection> audience = audience(5);
        Connection gone = audience.get(3);
        chat.publisher.answer(gone.id(), DeliveryResult.gone());
        chat.publisher.answer(audience.get(4).id(), new DeliveryResult.Throttled(4));
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();

        work();

        assertThat(chat.recordOf(gone).disconnection().orElseThrow().reason()).isEqualTo(DisconnectReason.gone());
        BroadcastProgress progress = status.status(id).orElseThrow();
        assertThat(List.of(progress.delivered(), progress.gone(), progress.failed())).containsExactly(3, 1, 1);
    }

    @Test
    void aPageOrAPlanningOfAnUnknownBroadcast_sendsAndQueuesNothing() {
        Connection alice = chat.active("Alice");

        SentPage sent = worker(records).send(new BroadcastPage(MessageId.random(), 0, List.of(alice.id())));
        PlannedBroadcast planned = planner.plan(new BroadcastPlanning(MessageId.random()));

        assertThat(sent).isEqualTo(new SentPage.UnknownBroadcast());
        assertThat(planned).isEqualTo(new PlannedBroadcast.UnknownBroadcast());
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(queue.takeAll()).isEmpty();
    }

    @Test
    void givenQueueRefusingPages_planning_countsTheirRecipientsFailed_soTheBroadcastStillEnds() {
        audience(5);
        MessageId id = queued(start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false))).broadcastId();
        var planning = (BroadcastPlanning) queue.takeAll().get(0);
        queue.refuseAfter(1);

        assertThat(planner.plan(planning)).isEqualTo(new PlannedBroadcast.Queued(new AudiencePlan(5, 3), 3));

        assertThat(status.status(id).orElseThrow())
                .extracting(BroadcastProgress::state, BroadcastProgress::failed)
                .containsExactly(BroadcastState.RUNNING, 3);
        pages(queue.takeAll()).forEach(worker(records)::send);
        assertThat(status.status(id)).contains(new BroadcastProgress(id, BroadcastState.DONE, 5, 2, 0, 3, NOW,
                Optional.of(NOW)));
    }

    @Test
    void givenQueueRefusingThePlanning_start_fails_andTheStatusSaysDoneWithNoRecipient() {
        audience(5);
        queue.refuseAfter(0);

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> start.start(new StartBroadcastCommand(new BroadcastCommand(NOTICE), false)),
                BroadcastNotQueuedException.class);

        MessageId id = thrown.broadcastId();
        assertThat(status.status(id)).contains(new BroadcastProgress(id, BroadcastState.DONE, 0, 0, 0, 0, NOW,
                Optional.of(NOW)));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void status_ofAnUnknownBroadcast_isEmpty() {
        assertThat(status.status(MessageId.random())).isEmpty();
    }

    /** Does everything on the queue, as the workers would, until it is empty. */
    private void work() {
        for (List<BroadcastWork> taken = queue.takeAll(); !taken.isEmpty(); taken = queue.takeAll()) {
            for (BroadcastWork work : taken) {
                if (work instanceof BroadcastPlanning planning) {
                    planner.plan(planning);
                } else {
                    worker(records).send((BroadcastPage) work);
                }
            }
        }
    }

    private PlanBroadcastService planner(BroadcastQueue pagesQueue) {
        return new PlanBroadcastService(chat.registry, chat.rooms, chat.clock, records, pagesQueue, PAGE_SIZE);
    }

    private SendBroadcastPageService worker(BroadcastRecords workerRecords) {
        return new SendBroadcastPageService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits,
                workerRecords);
    }

    private List<Connection> audience(int size) {
        return IntStream.range(0, size).mapToObj(i -> chat.active("member-" + i)).toList();
    }

    private static List<BroadcastPage> pages(List<BroadcastWork> work) {
        assertThat(work).allSatisfy(message -> assertThat(message).isInstanceOf(BroadcastPage.class));
        return work.stream().map(BroadcastPage.class::cast).toList();
    }

    private static BroadcastProgress queued(BroadcastStart started) {
        assertThat(started).isInstanceOf(BroadcastStart.Queued.class);
        return ((BroadcastStart.Queued) started).progress();
    }

    /** A queue whose worker is killed as it begins to queue the pages, after the plan was fixed. */
    private static final class KilledWhileQueuing implements BroadcastQueue {
        @Override
        public <W extends BroadcastWork> List<W> enqueue(List<W> work) {
            throw new IllegalStateException("the planning worker was killed while queuing " + work.size() + " pages");
        }
    }

    /** Records whose count fails, as a worker killed between its sends and its count. */
    private record DyingBeforeCount(BroadcastRecords records) implements BroadcastRecords {
        @Override
        public void create(dev.parley.chat.domain.model.Broadcast broadcast) {
            records.create(broadcast);
        }

        @Override
        public Optional<TrackedBroadcast> find(MessageId id) {
            return records.find(id);
        }

        @Override
        public List<BroadcastPage> plan(MessageId id, List<BroadcastPage> pages) {
            return records.plan(id, pages);
        }

        @Override
        public List<BroadcastPage> plannedPages(MessageId id) {
            return records.plannedPages(id);
        }

        @Override
        public void pagesQueued(MessageId id) {
            records.pagesQueued(id);
        }

        @Override
        public Optional<TrackedBroadcast> countPage(MessageId id, int page, PageCounts counts) {
            throw new IllegalStateException("the worker was killed before it counted page " + page);
        }

        @Override
        public void finish(MessageId id, Instant at) {
            records.finish(id, at);
        }
    }
}
