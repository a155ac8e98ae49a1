package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.domain.port.in.SentPage;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one page of a queued broadcast, writing each chunk's audit trail while the next chunk is sent. The page is
 * counted only after all of it was sent and its whole audit trail written, so a
 * worker that dies half-way leaves the page uncounted for the queue to deliver again (its recipients reached before
 * get a second copy, with the same id); a page delivered again after it was counted is sent again but not counted.
 */
public final class SendBroadcastPageService implements SendBroadcastPageUseCase {

    private final BroadcastRecords records;
    private final Clock clock;
    private final BroadcastDelivery delivery;

    public SendBroadcastPageService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, BroadcastRecords records) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivery = new BroadcastDelivery(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(publisher, "publisher"),
                new Memberships(registry, Objects.requireNonNull(rooms, "rooms"), publisher, clock,
                        Objects.requireNonNull(limits, "limits")),
                BroadcastDelivery.PAGE_CHUNK);
    }

    @Override
    public SentPage send(BroadcastPage page) {
        Optional<TrackedBroadcast> tracked = records.find(page.broadcast());
        if (tracked.isEmpty()) {
            return new SentPage.UnknownBroadcast();
        }
        var broadcast = tracked.get().broadcast();
        PageCounts counts = delivery.send(broadcast.message(), broadcast.posted(), page.recipients().stream());
        Optional<TrackedBroadcast> counted = records.countPage(broadcast.id(), page.number(), counts);
        // A repeat finishes too: the worker that counted the last page may have died before it could.
        counted.or(() -> records.find(broadcast.id()))
                .filter(after -> after.isComplete() && after.finishedAt().isEmpty())
                .ifPresent(complete -> records.finish(broadcast.id(), clock.instant()));
        return counted.isPresent() ? new SentPage.Counted(counts) : new SentPage.Repeated(counts);
    }
}
