package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.ListMembersCommand;
import dev.parley.chat.domain.port.in.ListMembersResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListMembersServiceTest {

    private static final RoomName GAMES = new RoomName("games");

    private final ChatFixture chat = new ChatFixture();
    private final ListMembersService service = new ListMembersService(chat.rooms);

    @Test
    void givenMember_members_pagesThroughEveryPresenceWithTheCursor() {
        List<Connection> members = IntStream.range(0, 230).mapToObj(n -> chat.active("Member " + n)).toList();
        members.forEach(member -> chat.join(member, GAMES));
        Connection asking = members.get(0);

        List<MemberPage> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var result = (ListMembersResult.Members) service.members(new ListMembersCommand(asking.id(), GAMES, cursor));
            assertThat(result.room()).isEqualTo(GAMES);
            pages.add(result.page());
            cursor = result.page().next();
        } while (cursor.isPresent());

        assertThat(pages).extracting(page -> page.members().size()).containsExactly(100, 100, 30);
        assertThat(pages).extracting(MemberPage::count).containsOnly(230);
        assertThat(pages.stream().flatMap(page -> page.members().stream()))
                .containsExactlyInAnyOrderElementsOf(members.stream().map(Member::of).toList());
    }

    @Test
    void givenNonMember_members_answersNotAMember() {
        chat.join(chat.active("Alice"), GAMES);
        Connection bob = chat.active("Bob");

        ListMembersResult result = service.members(new ListMembersCommand(bob.id(), GAMES, Optional.empty()));

        assertThat(result).isEqualTo(new ListMembersResult.NotAMember(GAMES));
    }

    @Test
    void givenCursorThatNoPageOfTheRoomGave_members_answersInvalidCursor() {
        List<Connection> members = IntStream.range(0, 3).mapToObj(n -> chat.active("Member " + n)).toList();
        members.forEach(member -> chat.join(member, GAMES));
        Connection asking = members.get(0);
        String lobbyCursor = chat.rooms.presences(RoomName.LOBBY, Optional.empty(), 1).next().orElseThrow();

        ListMembersResult garbage = service.members(new ListMembersCommand(asking.id(), GAMES, Optional.of("%%%")));
        ListMembersResult otherRoom = service.members(new ListMembersCommand(asking.id(), GAMES, Optional.of(lobbyCursor)));

        assertThat(garbage).isEqualTo(new ListMembersResult.InvalidCursor(GAMES));
        assertThat(otherRoom).isEqualTo(new ListMembersResult.InvalidCursor(GAMES));
    }
}
