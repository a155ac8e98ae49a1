package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand.ToRoom;
import dev.parley.chat.domain.port.in.SendMessageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However many senders race to one room, its messages get the seqs 1 to N, each once, stored and delivered once. */
class ConcurrentSendersPropertyTest {

    private static final RoomName ROOM = new RoomName("design");

    @Property(tries = 30)
    void racingSenders_getSeqsOneToNWithNoHoles_eachStoredAndDeliveredOnce(
            @ForAll @Size(min = 2, max = 12) List<@IntRange(min = 0, max = 40) Integer> messagesPerSender)
            throws Exception {
        var chat = new ChatFixture();
        var send = new SendMessageService(chat.registry, chat.rooms, chat.publisher, chat.clock,
                chat.limits, chat.history, chat.receipts, HistoryWindow.DEFAULT);
        List<Connection> senders = IntStream.range(0, messagesPerSender.size())
                .mapToObj(n -> chat.active("Sender " + n)).toList();
        Connection listener = chat.active("Listener");
        senders.forEach(sender -> chat.join(sender, ROOM));
        chat.join(listener, ROOM);

        List<ChatMessage> sent = race(send, senders, messagesPerSender);

        int total = messagesPerSender.stream().mapToInt(Integer::intValue).sum();
        assertThat(sent).extracting(message -> message.seq().getAsLong())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        List<HistoryEntry> stored = chat.history.entries(ROOM,
                HistoryPosition.start(chat.history.head(ROOM).epoch()), Long.MAX_VALUE);
        assertThat(stored).extracting(entry -> ((StoredMessage) entry).message())
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(chat.history.head(ROOM).seq()).isEqualTo(total);
        for (ChatMessage message : sent) {
            assertThat(chat.publisher.recipientsOf(message)).hasSize(senders.size()).containsOnlyOnce(listener.id());
        }
    }

    private static List<ChatMessage> race(SendMessageService send, List<Connection> senders, List<Integer> counts)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<List<ChatMessage>>>();
            for (int s = 0; s < senders.size(); s++) {
                Connection sender = senders.get(s);
                int count = counts.get(s);
                futures.add(pool.submit(() -> {
                    start.await();
                    var mine = new ArrayList<ChatMessage>();
                    for (int m = 0; m < count; m++) {
                        var command = new SendMessageCommand(sender.id(), new MessageText(sender.displayName() + " " + m),
                                new ToRoom(ROOM));
                        mine.add(((SendMessageResult.Sent) send.send(command)).message());
                    }
                    return mine;
                }));
            }
            start.countDown();
            var all = new ArrayList<ChatMessage>();
            for (var future : futures) {
                all.addAll(future.get(1, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
