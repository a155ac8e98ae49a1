package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayConsoleTest {

    private final GatewayConsole console = new GatewayConsole();

    @Test
    void givenOnlyInvocationsAnswered200_tally_countsThemAndFindsNoProblem() {
        console.accept("route=$connect connectionId=a= status=200 durationMs=12");
        console.accept("route=sendMessage connectionId=a= status=200 durationMs=30");

        GatewayConsole.Tally tally = console.tally();

        assertThat(tally.invocations()).isEqualTo(2);
        assertThat(tally.problems()).isEmpty();
    }

    @Test
    void givenAFailedInvocationAndAHandlerLogLine_tally_reportsBothVerbatim() {
        console.accept("route=sendMessage connectionId=a= status=500 durationMs=30");
        console.accept("SendMessageHandler r1 ERROR sendMessage failed");
        console.accept("route=sendMessage connectionId=b= status=200 durationMs=30");

        assertThat(console.tally().problems()).containsExactly(
                "1 invocations not answered 200",
                "1 lines logged by the handlers or the gateway",
                "gateway console: route=sendMessage connectionId=a= status=500 durationMs=30",
                "gateway console: SendMessageHandler r1 ERROR sendMessage failed");
    }
}
