package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.HistoryDelivery;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.port.in.HistoryCommand;
import dev.parley.chat.domain.port.in.HistoryResult;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;

public final class HistoryService implements HistoryUseCase {

    private final RoomRegistry rooms;
    private final MessageHistory history;
    private final Histories histories;
    private final MessagePublisher publisher;
    private final Clock clock;

    public HistoryService(RoomRegistry rooms, MessageHistory history, HistoryWindow window, MessagePublisher publisher,
            Clock clock) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.history = Objects.requireNonNull(history, "history");
        this.histories = new Histories(history, window);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HistoryResult history(HistoryCommand command) {
        if (!rooms.isMember(command.room(), command.connection())) {
            return new HistoryResult.NotAMember(command.room());
        }
        HistoryHead head = history.head(command.room());
        long pastHead = head.seq() + 1;
        long before = Math.min(command.before().orElse(pastHead), pastHead);
        HistoryPage page = histories.page(command.room(), head.epoch(), before, command.limit(), clock.instant());
        publisher.publish(new HistoryDelivery(MessageId.random(), clock.instant(), page, command.requestId()),
                Stream.of(command.connection()));
        return new HistoryResult.Page(page);
    }
}
