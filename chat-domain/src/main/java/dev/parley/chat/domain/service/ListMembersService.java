package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.ListMembersCommand;
import dev.parley.chat.domain.port.in.ListMembersResult;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.util.Objects;

public final class ListMembersService implements ListMembersUseCase {

    private final RoomRegistry rooms;

    public ListMembersService(RoomRegistry rooms) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
    }

    @Override
    public ListMembersResult members(ListMembersCommand command) {
        RoomName room = command.room();
        if (!rooms.isMember(room, command.connection())) {
            return new ListMembersResult.NotAMember(room);
        }
        try {
            return new ListMembersResult.Members(room, rooms.presences(room, command.cursor(), MemberPage.MAX_MEMBERS));
        } catch (IllegalArgumentException notThisRoomsCursor) {
            // The limit is always in range, so the registry refused the cursor.
            return new ListMembersResult.InvalidCursor(room);
        }
    }
}
