package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.PageCounts;
import java.util.Objects;

/** What became of one page a worker was given. */
public sealed interface SentPage permits SentPage.Counted, SentPage.Repeated, SentPage.UnknownBroadcast {

    /** Sent, and its counts added to the broadcast's. */
    record Counted(PageCounts counts) implements SentPage {
        public Counted {
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** Sent again: the page had been counted before, so its counts were not added twice. */
    record Repeated(PageCounts counts) implements SentPage {
        public Repeated {
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** Its broadcast has no record (never, or no longer): nothing was sent. */
    record UnknownBroadcast() implements SentPage {}
}
