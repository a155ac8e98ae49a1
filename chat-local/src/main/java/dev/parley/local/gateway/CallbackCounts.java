package dev.parley.local.gateway;

/**
 * How the {@code @connections} calls went since the gateway started.
 *
 * @param posts POST calls (sends), whatever their answer
 * @param gets GET calls (describes)
 * @param deletes DELETE calls (closes)
 * @param delivered sends that reached the connection (200)
 * @param gone calls answered 410, no such connection
 * @param throttled calls answered 429, over the callback throttle or the client's buffer full
 * @param tooLarge sends answered 413, over 128 KB
 * @param forbidden calls answered 403: unsigned, or not a management call
 */
public record CallbackCounts(
        long posts, long gets, long deletes, long delivered, long gone, long throttled, long tooLarge, long forbidden) {

    public long calls() {
        return posts + gets + deletes;
    }
}
