package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.protocol.Action;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebSocketRouteTest {

    @Test
    void givenTheRouteTable_routeKeys_areTheEightOfTheApi() {
        assertThat(Arrays.stream(WebSocketRoute.values()).map(WebSocketRoute::routeKey))
                .containsExactly("$connect", "$disconnect", "sendMessage", "join", "leave", "members", "history",
                        "$default");
    }

    @Test
    void givenTheRouteTable_everyProtocolActionButPing_hasItsRoute_andPingFallsToDefault() {
        assertThat(Arrays.stream(WebSocketRoute.values()).filter(WebSocketRoute::isAction).map(WebSocketRoute::routeKey))
                .containsExactlyElementsOf(Arrays.stream(Action.values()).filter(action -> action != Action.PING)
                        .map(Action::wireName).toList());
    }

    @Test
    void givenTheRouteTable_isAction_isSetExactlyForTheKeysAClientNames() {
        assertThat(Arrays.stream(WebSocketRoute.values()).filter(WebSocketRoute::isAction))
                .containsExactly(WebSocketRoute.SEND_MESSAGE, WebSocketRoute.JOIN, WebSocketRoute.LEAVE,
                        WebSocketRoute.MEMBERS, WebSocketRoute.HISTORY);
    }

    @Test
    void givenRouteKey_forKey_matchesExactlyAndCaseSensitively() {
        assertThat(WebSocketRoute.forKey("sendMessage")).contains(WebSocketRoute.SEND_MESSAGE);
        assertThat(WebSocketRoute.forKey("sendmessage")).isEmpty();
    }

    @Test
    void givenEachRoute_handler_namesAHandlerClassOfThisModule() throws ClassNotFoundException {
        for (WebSocketRoute route : WebSocketRoute.values()) {
            String className = route.handler().substring(0, route.handler().indexOf("::"));
            assertThat(com.amazonaws.services.lambda.runtime.RequestHandler.class)
                    .isAssignableFrom(Class.forName(className));
        }
        assertThat(WebSocketRoute.JOIN.handler())
                .isEqualTo("dev.parley.chat.adapter.in.lambda.JoinRoomHandler::handleRequest");
        assertThat(BroadcastRoute.HANDLER).isEqualTo("dev.parley.chat.adapter.in.lambda.BroadcastHandler::handleRequest");
    }

    @Test
    void givenTheRouteTable_twoWay_isSetExactlyWhereTheCallerGetsAnAnswer() {
        assertThat(Arrays.stream(WebSocketRoute.values()).filter(WebSocketRoute::twoWay))
                .containsExactly(WebSocketRoute.SEND_MESSAGE, WebSocketRoute.JOIN, WebSocketRoute.LEAVE,
                        WebSocketRoute.MEMBERS, WebSocketRoute.HISTORY, WebSocketRoute.DEFAULT);
    }
}
