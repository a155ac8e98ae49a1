package dev.parley.bench.room;

import dev.parley.bench.ReadCounter;
import dev.parley.bench.fanout.FanOut;
import dev.parley.chat.domain.port.in.SendMessageResult;

/**
 * One measured message to a room.
 *
 * @param variant where it went
 * @param fanOut  the send (checks, recording, reading the members and sending), its publish, and the endpoint's counts
 * @param copies  what every connection got
 * @param reads   the DynamoDB reads of the send
 */
record RoomRun(RoomMessageBenchmark.Variant variant, FanOut<SendMessageResult> fanOut, Copies copies,
        ReadCounter.Reads reads) {

    /** The send reported every other member, each got exactly one copy, and every 429 was retried. */
    boolean exactlyOnce() {
        return fanOut.result() instanceof SendMessageResult.Sent sent && sent.recipients() == copies.recipients()
                && copies.exactlyOneEach() && fanOut.everyThrottledRetried(copies.recipients());
    }

    /** Neither the sender nor any connection outside the room got a copy. */
    boolean nobodyElse() {
        return copies.strays() == 0;
    }
}
