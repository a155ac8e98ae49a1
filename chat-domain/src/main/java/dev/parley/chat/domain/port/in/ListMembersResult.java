package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;

/** A page of a room's presences, or why there is none. */
public sealed interface ListMembersResult permits ListMembersResult.Members, ListMembersResult.NotAMember,
        ListMembersResult.InvalidCursor {

    record Members(RoomName room, MemberPage page) implements ListMembersResult {
        public Members {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(page, "page");
        }
    }

    /** Only members see who else is there. */
    record NotAMember(RoomName room) implements ListMembersResult {
        public NotAMember {
            Objects.requireNonNull(room, "room");
        }
    }

    /** The cursor is not one a page of this room gave. */
    record InvalidCursor(RoomName room) implements ListMembersResult {
        public InvalidCursor {
            Objects.requireNonNull(room, "room");
        }
    }
}
