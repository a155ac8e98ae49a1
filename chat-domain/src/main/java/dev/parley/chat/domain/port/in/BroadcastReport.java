package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageId;
import java.util.Objects;

/**
 * What a broadcast reached: {@code attempted} = {@code delivered} + {@code gone} + {@code failed}, where
 * {@code failed} includes sends still throttled after every retry.
 */
public record BroadcastReport(MessageId broadcastId, int attempted, int delivered, int gone, int failed) {

    public BroadcastReport {
        Objects.requireNonNull(broadcastId, "broadcast id");
        if (delivered < 0 || gone < 0 || failed < 0 || attempted != (long) delivered + gone + failed) {
            throw new IllegalArgumentException("attempted must equal delivered + gone + failed, none negative");
        }
    }
}
