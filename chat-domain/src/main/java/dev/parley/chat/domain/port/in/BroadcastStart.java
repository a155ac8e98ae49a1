package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.BroadcastProgress;
import java.util.Objects;

/** How a started broadcast went on: sent at once, with its report, or handed to the work queue. */
public sealed interface BroadcastStart permits BroadcastStart.SentInline, BroadcastStart.Queued {

    /** A small audience, sent to during the call. */
    record SentInline(BroadcastReport report) implements BroadcastStart {
        public SentInline {
            Objects.requireNonNull(report, "report");
        }
    }

    /** Every page queued; the workers send them. */
    record Queued(BroadcastProgress progress) implements BroadcastStart {
        public Queued {
            Objects.requireNonNull(progress, "progress");
        }
    }
}
