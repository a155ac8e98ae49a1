package dev.parley.bench.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one client of a run sent, had acknowledged and received, kept as it happens for {@link DeliveryCheck} to judge
 * at the end. Its sending thread and its WebSocket listener write to it concurrently; every method is synchronized
 * (uncontended in practice: one client's frames are delivered one at a time).
 */
public final class Ledger {

    /** How many frames of a kind are kept verbatim, to show what went wrong. */
    private static final int EXAMPLES = 3;

    private final int self;
    private final int clients;
    private final BitSet[] seen;
    private final int[] highest;
    private final BitSet acked = new BitSet();
    private final List<String> examples = new ArrayList<>();
    private int sent;
    private long received;
    private long duplicates;
    private long outOfOrder;
    private long fromItself;
    private long ackDuplicates;
    private long ackUnknown;
    private long ackWrongRecipients;
    private long errorFrames;
    private long unexpectedFrames;
    private long sendFailures;
    private long unexpectedCloses;

    /** The ledger of client {@code self} among {@code clients}, numbered from 0. */
    public Ledger(int self, int clients) {
        if (clients < 2 || self < 0 || self >= clients) {
            throw new IllegalArgumentException("client " + self + " of " + clients + ": a run needs at least 2 clients,"
                    + " numbered from 0");
        }
        this.self = self;
        this.clients = clients;
        this.seen = new BitSet[clients];
        this.highest = new int[clients];
        for (int sender = 0; sender < clients; sender++) {
            seen[sender] = new BitSet();
            highest[sender] = -1;
        }
    }

    public int self() {
        return self;
    }

    /** Numbers the next message this client sends. */
    public synchronized int nextSequence() {
        return sent++;
    }

    public synchronized int sent() {
        return sent;
    }

    /** A chat message from another client (or, wrongly, from this one or from nobody in the run). */
    public synchronized void received(LoadMessage message) {
        int sender = message.sender();
        if (sender == self) {
            fromItself++;
            return;
        }
        if (sender >= clients) {
            unexpected("a message from client " + sender + ", who is not in the run");
            return;
        }
        int sequence = message.sequence();
        if (seen[sender].get(sequence)) {
            duplicates++;
            return;
        }
        seen[sender].set(sequence);
        received++;
        if (sequence < highest[sender]) {
            outOfOrder++;
        }
        highest[sender] = Math.max(highest[sender], sequence);
    }

    /** The acknowledgement of one of this client's messages, naming how many clients it went to. */
    public synchronized void acknowledged(LoadMessage message, int recipients) {
        if (message.sender() != self || message.sequence() >= sent) {
            ackUnknown++;
            return;
        }
        if (acked.get(message.sequence())) {
            ackDuplicates++;
            return;
        }
        acked.set(message.sequence());
        if (recipients != clients - 1) {
            ackWrongRecipients++;
        }
    }

    public synchronized void errorFrame(String frame) {
        errorFrames++;
        example(frame);
    }

    /** A frame that is no message, acknowledgement or error of this run. */
    public synchronized void unexpected(String frame) {
        unexpectedFrames++;
        example(frame);
    }

    public synchronized void sendFailed(Throwable failure) {
        sendFailures++;
        example("send failed: " + failure);
    }

    /** The connection ended before the run closed it. */
    public synchronized void closedUnexpectedly(String how) {
        unexpectedCloses++;
        example(how);
    }

    /** How many of {@code sender}'s first {@code count} messages never arrived here. */
    public synchronized int missing(int sender, int count) {
        return count - seen[sender].get(0, count).cardinality();
    }

    /** The first of {@code sender}'s first {@code count} messages that never arrived here, or -1. */
    public synchronized int firstMissing(int sender, int count) {
        int first = seen[sender].nextClearBit(0);
        return first < count ? first : -1;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized int acknowledged() {
        return acked.cardinality();
    }

    public synchronized Counts counts() {
        return new Counts(duplicates, outOfOrder, fromItself, sent - acked.cardinality(), ackDuplicates + ackUnknown,
                ackWrongRecipients, errorFrames, unexpectedFrames, sendFailures, unexpectedCloses);
    }

    public synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }

    /** The tallies of what should never happen, each zero in a clean run. */
    public record Counts(long duplicates, long outOfOrder, long fromItself, long unacknowledged, long strayAcks,
            long wrongRecipientCounts, long errorFrames, long unexpectedFrames, long sendFailures,
            long unexpectedCloses) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        /** How {@link #described()} names the duplicate deliveries. */
        static final String DUPLICATES = "duplicate deliveries";

        /** The two tallies added, for a whole run's. */
        public Counts plus(Counts other) {
            return new Counts(duplicates + other.duplicates, outOfOrder + other.outOfOrder,
                    fromItself + other.fromItself, unacknowledged + other.unacknowledged, strayAcks + other.strayAcks,
                    wrongRecipientCounts + other.wrongRecipientCounts, errorFrames + other.errorFrames,
                    unexpectedFrames + other.unexpectedFrames, sendFailures + other.sendFailures,
                    unexpectedCloses + other.unexpectedCloses);
        }

        /** Each tally with what it counts, in words. */
        public Map<String, Long> described() {
            Map<String, Long> described = new LinkedHashMap<>();
            described.put(DUPLICATES, duplicates);
            described.put("deliveries out of their sender's order", outOfOrder);
            described.put("messages delivered back to their sender", fromItself);
            described.put("messages never acknowledged", unacknowledged);
            described.put("acknowledgements repeated or of no message sent", strayAcks);
            described.put("acknowledgements counting other than every other client as recipients", wrongRecipientCounts);
            described.put("error frames", errorFrames);
            described.put("unexpected frames", unexpectedFrames);
            described.put("failed sends", sendFailures);
            described.put("connections closed before the end", unexpectedCloses);
            return described;
        }
    }
}
