package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final ConnectionId FIRST_TAB = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final ConnectionId SECOND_TAB = new ConnectionId("Bq3xYcOFvHcCEJA=");
    private static final UserId ADA = new UserId("auth0|ada");

    @Test
    void givenTwoConnectionsOfOneUser_presenceKey_isTheSameUserPresence() {
        Member first = new Member(FIRST_TAB, Optional.of(ADA), new DisplayName("Ada"));
        Member second = new Member(SECOND_TAB, Optional.of(ADA), new DisplayName("Ada on her phone"));

        assertThat(first.presenceKey()).isEqualTo(second.presenceKey()).isEqualTo(PresenceKey.of(ADA));
    }

    @Test
    void givenAnonymousConnections_presenceKey_isEachConnectionsOwn() {
        Member first = new Member(FIRST_TAB, Optional.empty(), new DisplayName("Guest"));
        Member second = new Member(SECOND_TAB, Optional.empty(), new DisplayName("Guest"));

        assertThat(first.presenceKey()).isEqualTo(PresenceKey.of(FIRST_TAB)).isNotEqualTo(second.presenceKey());
    }

    @Test
    void givenUserIdSpelledLikeAConnectionId_presenceKey_neverCollidesWithTheConnections() {
        assertThat(PresenceKey.of(new UserId(FIRST_TAB.value()))).isNotEqualTo(PresenceKey.of(FIRST_TAB));
        assertThat(PresenceKey.of(new UserId("connection:" + FIRST_TAB.value()))).isNotEqualTo(PresenceKey.of(FIRST_TAB));
    }

    @Test
    void givenKeyNamingNeitherUserNorConnection_construct_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PresenceKey("ada"));
    }

    @Test
    void givenConnection_of_isItsIdUserAndName() {
        var connection = new Connection(FIRST_TAB, new DisplayName("Ada"), Instant.EPOCH, Optional.of(ADA),
                RoomAccess.only(List.of("team-*")));

        assertThat(Member.of(connection)).isEqualTo(new Member(FIRST_TAB, Optional.of(ADA), new DisplayName("Ada")));
    }

    @Test
    void givenPagesOfMembers_construct_holdsAtMostAHundredAndNoNegativeCount() {
        Member ada = new Member(FIRST_TAB, Optional.of(ADA), new DisplayName("Ada"));

        assertThat(new MemberPage(List.of(ada), 1, Optional.of("next")).more()).isTrue();
        assertThat(new MemberPage(List.of(ada), 1, Optional.empty()).more()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() ->
                new MemberPage(Collections.nCopies(MemberPage.MAX_MEMBERS + 1, ada), 101, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberPage(List.of(), -1, Optional.empty()));
    }
}
