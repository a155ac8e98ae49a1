package dev.parley.chat.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a token's user may do besides chatting: its {@code role} claim. */
public enum Role {
    /** A token without a {@code role} claim: chats, and nothing more. */
    MEMBER(Optional.empty()),
    /** {@code "role":"admin"}: may also broadcast. */
    ADMIN(Optional.of("admin"));

    private final Optional<String> claim;

    Role(Optional<String> claim) {
        this.claim = claim;
    }

    /** The {@code role} claim's value, empty for a member (whose token has none). */
    public Optional<String> claim() {
        return claim;
    }

    /** The role a {@code role} claim names; empty for a name Parley does not know. */
    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claim.isPresent() && role.claim.get().equals(value)).findFirst();
    }
}
