package dev.parley.local.gateway;

import java.util.concurrent.atomic.LongAdder;

/** Counts the {@code @connections} calls as they are answered, cheaply under contention. */
final class CallbackCounters {

    private final LongAdder posts = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder gone = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder forbidden = new LongAdder();

    void called(String method) {
        switch (method) {
            case "POST" -> posts.increment();
            case "GET" -> gets.increment();
            case "DELETE" -> deletes.increment();
            default -> { } // not a management call: counted as forbidden when it is answered
        }
    }

    void answered(int status, String method) {
        switch (status) {
            case 410 -> gone.increment();
            case 429 -> throttled.increment();
            case 413 -> tooLarge.increment();
            case 403 -> forbidden.increment();
            case 200 -> {
                if ("POST".equals(method)) {
                    delivered.increment();
                }
            }
            default -> { } // GET and DELETE successes are counted by method
        }
    }

    CallbackCounts snapshot() {
        return new CallbackCounts(posts.sum(), gets.sum(), deletes.sum(), delivered.sum(), gone.sum(), throttled.sum(),
                tooLarge.sum(), forbidden.sum());
    }
}
