package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.AudiencePlan;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.BroadcastState;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BroadcastRecords} adapter must have; each adapter's test supplies an empty one. */
public abstract class AbstractBroadcastRecordsTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-03T09:00:00.250Z");
    private static final Broadcast BROADCAST = new Broadcast(MessageId.random(), new MessageText("maintenance at noon"),
            ACCEPTED, Optional.of(new RoomName("ops")), Optional.of(new UserId("ann")));
    /** 25 recipients in pages of 10, 10 and 5. */
    private static final List<BroadcastPage> PAGES = pages(BROADCAST.id(), 10, 10, 5);

    private BroadcastRecords records;

    protected abstract BroadcastRecords createEmptyRecords();

    @BeforeEach
    void createRecords() {
        records = createEmptyRecords();
    }

    @Test
    void create_keepsTheBroadcastQueued_unplanned_withNothingAttemptedOrCounted() {
        records.create(BROADCAST);

        assertThat(records.find(BROADCAST.id())).contains(TrackedBroadcast.accepted(BROADCAST));
        assertThat(records.find(BROADCAST.id()).orElseThrow().progress()).isEqualTo(new BroadcastProgress(
                BROADCAST.id(), BroadcastState.QUEUED, 0, 0, 0, 0, ACCEPTED, Optional.empty()));
        assertThat(records.plannedPages(BROADCAST.id())).isEmpty();
        assertThat(records.find(MessageId.random())).isEmpty();
    }

    @Test
    void plan_keepsThePages_andMakesItRunning_withItsRecipientsAttempted() {
        records.create(BROADCAST);

        assertThat(records.plan(BROADCAST.id(), PAGES)).isEqualTo(PAGES);

        TrackedBroadcast planned = records.find(BROADCAST.id()).orElseThrow();
        assertThat(planned.plan()).contains(new AudiencePlan(25, 3));
        assertThat(planned.pagesQueued()).isFalse();
        assertThat(planned.progress()).isEqualTo(new BroadcastProgress(
                BROADCAST.id(), BroadcastState.RUNNING, 25, 0, 0, 0, ACCEPTED, Optional.empty()));
        assertThat(records.plannedPages(BROADCAST.id())).isEqualTo(PAGES);
    }

    @Test
    void plan_again_keepsTheFirstPlanAndItsPages() {
        records.create(BROADCAST);
        records.plan(BROADCAST.id(), PAGES);

        List<BroadcastPage> kept = records.plan(BROADCAST.id(), pages(BROADCAST.id(), 10, 10, 10, 1));

        assertThat(kept).isEqualTo(PAGES);
        assertThat(records.plannedPages(BROADCAST.id())).isEqualTo(PAGES);
        assertThat(records.find(BROADCAST.id()).orElseThrow().plan()).contains(new AudiencePlan(25, 3));
    }

    @Test
    void plan_ofNoPages_isAPlanOfNoRecipients() {
        records.create(BROADCAST);

        assertThat(records.plan(BROADCAST.id(), List.of())).isEmpty();

        assertThat(records.find(BROADCAST.id()).orElseThrow().plan()).contains(new AudiencePlan(0, 0));
        assertThat(records.find(BROADCAST.id()).orElseThrow().isComplete()).isTrue();
    }

    @Test
    void pagesQueued_isNotedOnceAndForAll() {
        records.create(BROADCAST);
        records.plan(BROADCAST.id(), PAGES);

        records.pagesQueued(BROADCAST.id());
        records.pagesQueued(BROADCAST.id());

        assertThat(records.find(BROADCAST.id()).orElseThrow().pagesQueued()).isTrue();
        assertThat(records.find(BROADCAST.id()).orElseThrow().progress().state()).isEqualTo(BroadcastState.RUNNING);
    }

    @Test
    void countPage_addsEachPageOnce_andReturnsTheBroadcastAfterIt() {
        records.create(BROADCAST);
        records.plan(BROADCAST.id(), PAGES);

        Optional<TrackedBroadcast> first = records.countPage(BROADCAST.id(), 0, new PageCounts(8, 1, 1));
        Optional<TrackedBroadcast> again = records.countPage(BROADCAST.id(), 0, new PageCounts(10, 0, 0));
        Optional<TrackedBroadcast> second = records.countPage(BROADCAST.id(), 2, new PageCounts(4, 0, 1));

        assertThat(first.map(TrackedBroadcast::counted)).contains(new PageCounts(8, 1, 1));
        assertThat(again).isEmpty();
        assertThat(second.map(TrackedBroadcast::counted)).contains(new PageCounts(12, 1, 2));
        assertThat(second.map(TrackedBroadcast::pagesCounted)).contains(2);
        assertThat(second.map(TrackedBroadcast::isComplete)).contains(false);
        assertThat(records.find(BROADCAST.id())).isEqualTo(second);
    }

    @Test
    void everyPageCountedAndFinished_isDone_withEveryRecipientCounted() {
        records.create(BROADCAST);
        records.plan(BROADCAST.id(), PAGES);
        records.countPage(BROADCAST.id(), 0, new PageCounts(10, 0, 0));
        records.countPage(BROADCAST.id(), 1, new PageCounts(9, 1, 0));
        TrackedBroadcast complete = records.countPage(BROADCAST.id(), 2, new PageCounts(4, 0, 1)).orElseThrow();
        assertThat(complete.isComplete()).isTrue();
        Instant finished = ACCEPTED.plusSeconds(12);

        records.finish(BROADCAST.id(), finished);
        records.finish(BROADCAST.id(), finished.plusSeconds(5));

        assertThat(records.find(BROADCAST.id()).orElseThrow().progress()).isEqualTo(new BroadcastProgress(
                BROADCAST.id(), BroadcastState.DONE, 25, 23, 1, 1, ACCEPTED, Optional.of(finished)));
    }

    @Test
    void unknownBroadcast_isNeitherCountedNorCreated() {
        MessageId unknown = MessageId.random();

        assertThat(records.plan(unknown, PAGES)).isEmpty();
        records.pagesQueued(unknown);
        assertThat(records.countPage(unknown, 0, new PageCounts(1, 0, 0))).isEmpty();
        records.finish(unknown, ACCEPTED);

        assertThat(records.find(unknown)).isEmpty();
    }

    @Test
    void racingCountsOfOnePage_addItOnce_andOfDistinctPages_addEveryOne() throws Exception {
        var broadcast = new Broadcast(MessageId.random(), new MessageText("hi"), ACCEPTED, Optional.empty(),
                Optional.empty());
        records.create(broadcast);
        records.plan(broadcast.id(), pages(broadcast.id(), new int[16]));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Optional<TrackedBroadcast>>>();
            for (int i = 0; i < 2 * racers; i++) {
                int page = i % 2 == 0 ? 0 : i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return records.countPage(broadcast.id(), page, new PageCounts(1, 0, 0));
                }));
            }
            start.countDown();
            int counted = 0;
            for (var future : futures) {
                counted += future.get(1, TimeUnit.MINUTES).isPresent() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(1 + racers);
            assertThat(records.find(broadcast.id()).orElseThrow().counted()).isEqualTo(new PageCounts(1 + racers, 0, 0));
            assertThat(records.find(broadcast.id()).orElseThrow().pagesCounted()).isEqualTo(1 + racers);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pages of {@code broadcast} with these many recipients each (0 counts as 1), numbered from 0. */
    private static List<BroadcastPage> pages(MessageId broadcast, int... sizes) {
        return IntStream.range(0, sizes.length).mapToObj(number -> new BroadcastPage(broadcast, number,
                        IntStream.range(0, Math.max(1, sizes[number]))
                                .mapToObj(i -> new ConnectionId(String.format("P%04dr%05d=", number, i)))
                                .toList()))
                .toList();
    }
}
