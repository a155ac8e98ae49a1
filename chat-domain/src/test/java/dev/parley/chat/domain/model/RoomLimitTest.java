package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomLimitTest {

    private static final RoomName GENERAL = new RoomName("general");
    private static final RoomName MUSIC = new RoomName("music");

    @Test
    void givenConnectionBelowTheLimit_admits_admitsAnotherRoom() {
        assertThat(new RoomLimit(2).admits(Set.of(RoomName.LOBBY), GENERAL)).isTrue();
        assertThat(new RoomLimit(1).admits(Set.of(), RoomName.LOBBY)).isTrue();
    }

    @Test
    void givenConnectionAtTheLimit_admits_admitsOnlyARoomItIsInAlready() {
        RoomLimit two = new RoomLimit(2);

        assertThat(two.admits(Set.of(RoomName.LOBBY, GENERAL), MUSIC)).isFalse();
        assertThat(two.admits(Set.of(RoomName.LOBBY, GENERAL), GENERAL)).isTrue();
    }

    @Test
    void givenMaxRoomsOutOfRange_construct_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomLimit(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomLimit(RoomLimit.MAX_ROOMS + 1));
        assertThat(new RoomLimit(RoomLimit.MAX_ROOMS).maxRoomsPerConnection()).isEqualTo(RoomLimit.MAX_ROOMS);
        assertThat(RoomLimit.DEFAULT.maxRoomsPerConnection()).isEqualTo(20);
    }
}
