package dev.parley.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a run from its clients' ledgers: every message reached every other client exactly once, in its
 * sender's order, never its sender; every message was acknowledged once, counting every other client; no error
 * frame, unexpected frame, failed send or early close.
 */
public final class DeliveryCheck {

    private DeliveryCheck() {}

    /** What the run delivered against what it should have, the repeats, and every problem found, in words. */
    public record Verification(long expectedDeliveries, long deliveries, long duplicates, List<String> problems) {

        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Verifies an exactly-once run: any duplicate delivery is a problem. */
    public static Verification verify(List<Ledger> ledgers) {
        return verify(ledgers, 0);
    }

    /**
     * Verifies a run that may repeat up to {@code allowedDuplicateShare} of the expected deliveries (an overloaded
     * run: delivery is at least once, and clients drop repeats by id); every other check is as strict.
     */
    public static Verification verify(List<Ledger> ledgers, double allowedDuplicateShare) {
        for (int index = 0; index < ledgers.size(); index++) {
            if (ledgers.get(index).self() != index) {
                throw new IllegalArgumentException("the ledgers must be in client order: ledger " + index + " is client "
                        + ledgers.get(index).self() + "'s");
            }
        }
        List<String> problems = new ArrayList<>();
        long expected = 0;
        long delivered = 0;
        long lost = 0;
        String firstLost = "";
        for (Ledger receiver : ledgers) {
            delivered += receiver.received();
            for (Ledger sender : ledgers) {
                if (sender == receiver) {
                    continue;
                }
                int count = sender.sent();
                expected += count;
                int missing = receiver.missing(sender.self(), count);
                if (missing > 0 && lost == 0) {
                    firstLost = " (the first: message " + receiver.firstMissing(sender.self(), count) + " of client "
                            + sender.self() + " never reached client " + receiver.self() + ")";
                }
                lost += missing;
            }
        }
        if (lost > 0) {
            problems.add(lost + " deliveries lost" + firstLost);
        }
        Ledger.Counts counts = ledgers.stream().map(Ledger::counts).reduce(Ledger.Counts.NONE, Ledger.Counts::plus);
        long allowedDuplicates = (long) Math.floor(allowedDuplicateShare * expected);
        for (Map.Entry<String, Long> tally : counts.described().entrySet()) {
            if (tally.getKey().equals(Ledger.Counts.DUPLICATES) && allowedDuplicateShare > 0) {
                if (tally.getValue() > allowedDuplicates) {
                    problems.add(String.format(java.util.Locale.ROOT, "%d duplicate deliveries, over the %.2f %% allowed (%d of %d)",
                            tally.getValue(), allowedDuplicateShare * 100, allowedDuplicates, expected));
                }
            } else if (tally.getValue() > 0) {
                problems.add(tally.getValue() + " " + tally.getKey());
            }
        }
        if (!problems.isEmpty()) {
            ledgers.stream().flatMap(ledger -> ledger.examples().stream()).limit(5)
                    .forEach(example -> problems.add("for example: " + example));
        }
        return new Verification(expected, delivered, counts.duplicates(), problems);
    }
}
