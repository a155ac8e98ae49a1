package dev.parley.bench.warm;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.bench.coldstart.probe.ProbeContext;
import dev.parley.bench.coldstart.probe.SendMessageEvents;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Goal 3: one warm {@code sendMessage} through {@code SendMessageHandler} on in-memory adapters: parsing the frame,
 * the use case (sender lookup, audit trail, recipients, one encoding) and the acknowledgement. Run with
 * {@code -prof gc} for the bytes allocated per invocation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SendMessageBenchmark {

    /** Everyone in the room, the sender included: the others each get a copy. */
    @Param({"2", "10"})
    public int connections;

    private RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler;
    private APIGatewayV2WebSocketEvent event;
    private final ProbeContext context = new ProbeContext();

    @Setup
    public void connectTheRoom() {
        var component = new InMemoryChatComponent();
        ConnectionId[] room = component.connect(connections);
        handler = WebSocketRoute.SEND_MESSAGE.createHandler(component.component());
        event = SendMessageEvents.sendMessage(room[0].value(), "Hello everyone, the meeting moves to 3 pm.");
    }

    @Benchmark
    public APIGatewayV2WebSocketResponse sendMessage() {
        return handler.handleRequest(event, context);
    }
}
