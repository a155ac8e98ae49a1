package dev.parley.chat.domain.model;

/**
 * What sending to one page of a broadcast's recipients came to: each recipient counted once, as delivered, gone (the
 * connection no longer exists) or failed (throttled through every retry, refused, or never sent).
 */
public record PageCounts(int delivered, int gone, int failed) {

    public static final PageCounts NONE = new PageCounts(0, 0, 0);

    public PageCounts {
        if (delivered < 0 || gone < 0 || failed < 0) {
            throw new IllegalArgumentException("page counts cannot be negative");
        }
    }

    /** A page none of whose {@code recipients} was sent to. */
    public static PageCounts unsent(int recipients) {
        return new PageCounts(0, 0, recipients);
    }

    public int attempted() {
        return delivered + gone + failed;
    }

    public PageCounts plus(PageCounts other) {
        return new PageCounts(delivered + other.delivered, gone + other.gone, failed + other.failed);
    }
}
