package dev.parley.chat.adapter.in.lambda.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerContextTest {

    private static final Principal ADA = new Principal(new UserId("user-42"), new DisplayName("Ada"));

    @Test
    void givenContextAsApiGatewayPassesIt_principal_readsTheUserTheAuthorizerWrote() {
        // API Gateway adds the principal id and its own latency to the authorizer's context.
        Map<String, Object> authorizer = new HashMap<>(AuthorizerContext.of(ADA));
        authorizer.put("principalId", "user-42");
        authorizer.put("integrationLatency", 12);

        assertThat(AuthorizerContext.principal(authorizer)).hasValue(ADA);
    }

    @Test
    void givenPrincipalLimitedToRooms_ofThenPrincipal_carriesTheRoomsAsJsonText() {
        var limited = new Principal(new UserId("user-42"), new DisplayName("Ada"), RoomAccess.only(List.of("a", "team-*")));
        var lobbyOnly = new Principal(new UserId("user-43"), new DisplayName("Bo"), RoomAccess.only(List.of()));

        assertThat(AuthorizerContext.of(limited)).containsEntry("rooms", "[\"a\",\"team-*\"]");
        assertThat(AuthorizerContext.principal(AuthorizerContext.of(limited))).hasValue(limited);
        assertThat(AuthorizerContext.of(lobbyOnly)).containsEntry("rooms", "[]");
        assertThat(AuthorizerContext.principal(AuthorizerContext.of(lobbyOnly))).hasValue(lobbyOnly);
        assertThat(AuthorizerContext.of(ADA)).doesNotContainKey("rooms");
        assertThat(AuthorizerContext.principal(AuthorizerContext.of(ADA)).orElseThrow().roomAccess())
                .isEqualTo(RoomAccess.EVERY_ROOM);
    }

    @Test
    void givenRoomsThatAreNoJsonListOfPatterns_principal_failsInsteadOfAdmittingEveryRoom() {
        for (Object rooms : List.of("design", "{\"a\":1}", "[1]", "[\"a b\"]", 7, List.of("design"))) {
            assertThatThrownBy(() -> AuthorizerContext.principal(Map.of("userId", "user-42", "displayName", "Ada",
                    "rooms", rooms))).as(String.valueOf(rooms)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rooms");
        }
    }

    @Test
    void givenNoAuthorizerOrOneWithoutUser_principal_isEmpty() {
        assertThat(AuthorizerContext.principal(null)).isEmpty();
        assertThat(AuthorizerContext.principal(Map.of())).isEmpty();
        assertThat(AuthorizerContext.principal(Map.of("principalId", "someone", "integrationLatency", 3))).isEmpty();
    }

    @Test
    void givenUserWithoutDisplayNameOrOfTheWrongType_principal_failsInsteadOfConnectingAnonymously() {
        assertThatThrownBy(() -> AuthorizerContext.principal(Map.of("userId", "user-42")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("displayName");
        assertThatThrownBy(() -> AuthorizerContext.principal(Map.of("userId", 42, "displayName", "Ada")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AuthorizerContext.principal(Map.of("userId", "user-42", "displayName", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
