package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BroadcastQueue} adapter must have; each adapter's test supplies an empty queue and a way to
 * take back what was queued.
 */
public abstract class AbstractBroadcastQueueTest {

    private BroadcastQueue queue;

    protected abstract BroadcastQueue createEmptyQueue();

    /** Every message on the queue, taken off it, in any order. */
    protected abstract List<BroadcastWork> takeAll();

    @BeforeEach
    void createQueue() {
        queue = createEmptyQueue();
    }

    @Test
    void enqueue_queuesEveryPageIntact_manyMoreThanOneBatchCall() {
        MessageId broadcast = MessageId.random();
        List<BroadcastPage> pages = IntStream.range(0, 23).mapToObj(number -> page(broadcast, number, 7)).toList();

        assertThat(queue.enqueue(pages)).isEmpty();

        assertThat(takeAll()).containsExactlyInAnyOrderElementsOf(pages);
    }

    @Test
    void enqueue_carriesAFullPageOfRealisticIds() {
        BroadcastPage big = page(MessageId.random(), 41, 1_000);

        assertThat(queue.enqueue(List.of(big))).isEmpty();

        assertThat(takeAll()).containsExactly(big);
    }

    @Test
    void enqueue_queuesAPlanningIntact() {
        var planning = new BroadcastPlanning(MessageId.random());

        assertThat(queue.enqueue(List.of(planning))).isEmpty();

        assertThat(takeAll()).containsExactly(planning);
    }

    @Test
    void enqueue_ofNoPages_queuesNothing() {
        assertThat(queue.enqueue(List.of())).isEmpty();

        assertThat(takeAll()).isEmpty();
    }

    private static BroadcastPage page(MessageId broadcast, int number, int recipients) {
        return new BroadcastPage(broadcast, number, IntStream.range(0, recipients)
                .mapToObj(i -> new ConnectionId(String.format("Q%08dpage%04d=", i, number)))
                .toList());
    }
}
