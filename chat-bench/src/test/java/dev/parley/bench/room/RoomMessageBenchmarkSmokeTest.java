package dev.parley.bench.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The room message harness once per variant, at a tiny size, against a throttle tighter than the publisher assumes:
 * every other member gets exactly one copy, nobody else any, and only the room's members are read.
 */
class RoomMessageBenchmarkSmokeTest {

    private static final int MEMBERS = 30;
    private static final int OUTSIDERS = 10;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void givenARoomAndOutsiders_run_sendsOneCopyToEveryOtherMemberAndReadsOnlyTheRoom() {
        // The publisher paces to 10,000/s with a 5,000 burst; this bucket holds 5 and refills at 200/s.
        List<RoomRun> runs = run("--members", "" + MEMBERS, "--outsiders", "" + OUTSIDERS, "--latency-ms", "2",
                "--rate", "200", "--burst", "5", "--runs", "1", "--warmup", "0");

        assertThat(runs).extracting(RoomRun::variant)
                .containsExactly(RoomMessageBenchmark.Variant.ROOM, RoomMessageBenchmark.Variant.LOBBY);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.exactlyOnce()).as(log()).isTrue();
            assertThat(run.nobodyElse()).as(log()).isTrue();
            assertThat(run.copies().recipients()).isEqualTo(MEMBERS - 1);
        });
        // The room's members come from one Query and are sent to at once, so the bucket of 5 must throttle: the
        // exactly-once above held through 429 retries. The lobby's come shard by shard, and the reads between its
        // pages may let the bucket refill, so whether it throttles depends on dynalite's speed.
        assertThat(runs.get(0).fanOut().throttled()).as(log()).isPositive();
        // A room's members are its own items: the outsiders' memberships (another room) are not read.
        assertThat(runs.get(0).reads().itemsExaminedByPages()).as(log()).isEqualTo(MEMBERS);
        // The lobby's are read from the active index, which lists the outsiders too: examined, filtered out.
        assertThat(runs.get(1).reads().itemsExaminedByPages()).as(log()).isEqualTo(MEMBERS + OUTSIDERS);
        assertThat(runs.get(1).reads().queries()).as(log()).isGreaterThanOrEqualTo(4);
        assertThat(log()).contains("RESULT room-message variant=room members=30 outsiders=10 page_size=0")
                .contains("exactly_once=true nobody_else=true");
    }

    private List<RoomRun> run(String... args) {
        var settings = RoomMessageBenchmark.Settings.from(Options.parse(args, RoomMessageBenchmark.OPTIONS));
        return RoomMessageBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
