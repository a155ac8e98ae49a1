package dev.parley.chat.domain.port.in;

/** A member pages through who is present in a room, {@code MemberPage#MAX_MEMBERS} at a time. */
public interface ListMembersUseCase {

    ListMembersResult members(ListMembersCommand command);
}
