package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserConnectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final ConnectionLimit TWO = new ConnectionLimit(2);
    private static final ConnectionId FIRST = new ConnectionId("Zmlyc3Q=");
    private static final ConnectionId SECOND = new ConnectionId("c2Vjb25k");
    private static final ConnectionId THIRD = new ConnectionId("dGhpcmQ=");

    @Test
    void givenNoPlacesTaken_admit_givesAPlaceInTheNextRevision() {
        ConnectionAdmission admission = UserConnections.NONE.admit(FIRST, NOW, TWO);

        assertThat(admission).isEqualTo(new ConnectionAdmission.Admitted(UserConnections.NONE,
                new UserConnections(1, Map.of(FIRST, NOW))));
    }

    @Test
    void givenEveryPlaceTaken_admit_isFull() {
        var full = new UserConnections(2, Map.of(FIRST, NOW, SECOND, NOW));

        assertThat(full.admit(THIRD, NOW.plusSeconds(1), TWO)).isEqualTo(new ConnectionAdmission.Full(TWO));
    }

    @Test
    void givenAConnectionHoldingAPlace_admitAgain_keepsItsPlaceAndItsOpeningTime() {
        var full = new UserConnections(2, Map.of(FIRST, NOW, SECOND, NOW));

        ConnectionAdmission again = full.admit(SECOND, NOW.plusSeconds(5), TWO);

        assertThat(again).isEqualTo(new ConnectionAdmission.Admitted(full, new UserConnections(3, full.open())));
    }

    @Test
    void givenPlacesOfConnectionsTheTransportHasClosedForCertain_admit_dropsThemAndAdmits() {
        Instant later = NOW.plus(Connection.MAX_DURATION);
        var stale = new UserConnections(2, Map.of(FIRST, NOW, SECOND, NOW.plusSeconds(1)));

        ConnectionAdmission admission = stale.admit(THIRD, later, TWO);

        assertThat(admission).isEqualTo(new ConnectionAdmission.Admitted(stale,
                new UserConnections(3, Map.of(SECOND, NOW.plusSeconds(1), THIRD, later))));
    }

    @Test
    void givenAPlaceHeld_release_givesItBackAndAnotherIsAdmitted() {
        var full = new UserConnections(2, Map.of(FIRST, NOW, SECOND, NOW));

        UserConnections released = full.release(FIRST).orElseThrow();

        assertThat(released).isEqualTo(new UserConnections(3, Map.of(SECOND, NOW)));
        assertThat(released.admit(THIRD, NOW, TWO)).isInstanceOf(ConnectionAdmission.Admitted.class);
        assertThat(released.release(FIRST)).isEmpty();
    }

    @Test
    void givenPlaces_lapsesAt_isWhenTheLatestOneLapses() {
        var places = new UserConnections(2, Map.of(FIRST, NOW, SECOND, NOW.plusSeconds(90)));

        assertThat(places.lapsesAt()).isEqualTo(NOW.plusSeconds(90).plus(Duration.ofHours(2)));
    }
}
