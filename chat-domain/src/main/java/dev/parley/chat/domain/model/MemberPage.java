package dev.parley.chat.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a room's presences, one member per presence (a user with two tabs is listed once), with the room's
 * presence count and, when more follow, the opaque cursor of the next page.
 */
public record MemberPage(List<Member> members, int count, Optional<String> next) {

    /** The most members one page holds: a room of 100,000 must not be sent to anyone whole. */
    public static final int MAX_MEMBERS = 100;

    public MemberPage {
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        Objects.requireNonNull(next, "next");
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a page holds at most " + MAX_MEMBERS + " members, not " + members.size());
        }
        if (count < 0) {
            throw new IllegalArgumentException("a room cannot have fewer than 0 presences, not " + count);
        }
    }

    public boolean more() {
        return next.isPresent();
    }
}
