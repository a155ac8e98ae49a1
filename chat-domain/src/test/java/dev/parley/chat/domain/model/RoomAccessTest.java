package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomAccessTest {

    private static final RoomName GENERAL = new RoomName("general");

    @Test
    void givenEveryRoom_permits_admitsAnyRoom() {
        assertThat(RoomAccess.EVERY_ROOM.permits(GENERAL)).isTrue();
        assertThat(RoomAccess.EVERY_ROOM.permits(new RoomName("team-x"))).isTrue();
    }

    @Test
    void givenExactNamesAndPrefixes_permits_admitsTheNamedRoomsThoseWithThePrefixAndTheLobby() {
        RoomAccess access = RoomAccess.only(List.of("general", "team-*"));

        assertThat(access.permits(GENERAL)).isTrue();
        assertThat(access.permits(new RoomName("team-"))).isTrue();
        assertThat(access.permits(new RoomName("team-blue"))).isTrue();
        assertThat(access.permits(RoomName.LOBBY)).isTrue();
        assertThat(access.permits(new RoomName("general2"))).isFalse();
        assertThat(access.permits(new RoomName("team"))).isFalse();
        assertThat(access.permits(new RoomName("Team-blue"))).isFalse();
    }

    @Test
    void givenNoPatterns_permits_admitsOnlyTheLobby() {
        RoomAccess none = RoomAccess.only(List.of());

        assertThat(none.permits(RoomName.LOBBY)).isTrue();
        assertThat(none.permits(GENERAL)).isFalse();
    }

    @Test
    void givenStarAlone_permits_admitsEveryRoom() {
        assertThat(RoomAccess.only(List.of("*")).permits(GENERAL)).isTrue();
    }

    @Test
    void givenPatternThatNamesNoRoom_construct_isRejected() {
        for (String pattern : new String[] {"", "two words", "a*b", "**", "team-**", "caf\u00e9*"}) {
            assertThat(RoomAccess.isValidPattern(pattern)).as(pattern).isFalse();
            assertThatIllegalArgumentException().as(pattern).isThrownBy(() -> RoomAccess.only(List.of(pattern)));
        }
        assertThat(RoomAccess.isValidPattern(null)).isFalse();
    }

    @Test
    void givenTooManyPatternsOrPatternsWithEveryRoom_construct_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> RoomAccess.only(Collections.nCopies(RoomAccess.MAX_PATTERNS + 1, "general")));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomAccess(List.of("general"), true));
        assertThat(RoomAccess.only(Collections.nCopies(RoomAccess.MAX_PATTERNS, "general")).patterns())
                .hasSize(RoomAccess.MAX_PATTERNS);
    }
}
