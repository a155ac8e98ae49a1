package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.PrimedFunction;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.wiring.SnapStartPriming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each function's SnapStart priming makes only calls its role grants: the calls it declares (which chat-bench's
 * {@code FunctionPrimingTest} records it making, against dynalite) against the function's {@link HandlerAccess}, which
 * {@link LeastPrivilegeTest} holds the template's grants to. A call the role were denied would skip the priming.
 */
class PrimingGrantsTest {

    @ParameterizedTest
    @EnumSource(PrimedFunction.class)
    void givenEachFunction_itsPrimingCalls_areAllGrantedToItsRole(PrimedFunction function) {
        HandlerAccess access = accessOf(function);

        assertThat(function.calls()).isNotEmpty().allSatisfy(call -> assertThat(granted(access, call))
                .as(function + " primes with " + call + ", granted " + access).isTrue());
    }

    private static boolean granted(HandlerAccess access, SnapStartPriming.Call call) {
        return switch (call.target()) {
            case CHAT_DETAILS -> access.actionsOn(HandlerAccess.Resource.CHAT_DETAILS)
                    .contains("dynamodb:" + call.operation());
            case CHAT_ROOMS -> access.actionsOn(HandlerAccess.Resource.CHAT_ROOMS)
                    .contains("dynamodb:" + call.operation());
            case CHAT_HISTORY -> access.actionsOn(HandlerAccess.Resource.CHAT_HISTORY)
                    .contains("dynamodb:" + call.operation());
            case CONNECTIONS -> access.postsToConnections() && call.operation().equals("PostToConnection");
        };
    }

    /** The access ParleyStack grants the function whose handler registers {@code function}'s priming. */
    private static HandlerAccess accessOf(PrimedFunction function) {
        return switch (function) {
            case SEND_MESSAGE -> HandlerAccess.of(WebSocketRoute.SEND_MESSAGE);
            case CONNECT -> HandlerAccess.of(WebSocketRoute.CONNECT);
            case DISCONNECT -> HandlerAccess.of(WebSocketRoute.DISCONNECT);
            case DEFAULT -> HandlerAccess.of(WebSocketRoute.DEFAULT);
            case JOIN -> HandlerAccess.of(WebSocketRoute.JOIN);
            case LEAVE -> HandlerAccess.of(WebSocketRoute.LEAVE);
            case MEMBERS -> HandlerAccess.of(WebSocketRoute.MEMBERS);
            case HISTORY -> HandlerAccess.of(WebSocketRoute.HISTORY);
            case BROADCAST -> HandlerAccess.BROADCAST;
            case BROADCAST_STATUS -> HandlerAccess.BROADCAST_STATUS;
            case BROADCAST_WORKER -> HandlerAccess.BROADCAST_WORKER;
        };
    }
}
