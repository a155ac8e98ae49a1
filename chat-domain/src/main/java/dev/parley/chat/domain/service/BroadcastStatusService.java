package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import java.util.Objects;
import java.util.Optional;

public final class BroadcastStatusService implements BroadcastStatusUseCase {

    private final BroadcastRecords records;

    public BroadcastStatusService(BroadcastRecords records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public Optional<BroadcastProgress> status(MessageId broadcastId) {
        return records.find(broadcastId).map(TrackedBroadcast::progress);
    }
}
