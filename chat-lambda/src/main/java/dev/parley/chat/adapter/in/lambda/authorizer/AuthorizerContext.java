package dev.parley.chat.adapter.in.lambda.authorizer;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * The authorizer's {@code context}: API Gateway hands it, with the {@code principalId}, to every route of the
 * connection as {@code requestContext.authorizer}. Written by {@link AuthorizerHandler}, read by {@code $connect}.
 */
public final class AuthorizerContext {

    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";

    private AuthorizerContext() {}

    /** What the authorizer passes on for {@code principal}: strings only, as API Gateway requires. */
    static Map<String, Object> of(Principal principal) {
        return Map.of(USER_ID, principal.userId().value(), DISPLAY_NAME, principal.displayName().value());
    }

    /**
     * The user an event's {@code requestContext.authorizer} names; empty when the connection was not authorized
     * (authorization is off). Only API Gateway writes this map, so one that names a user badly is a deployment fault
     * and fails loudly instead of letting the connection in anonymously.
     */
    public static Optional<Principal> principal(Map<String, Object> authorizer) {
        if (authorizer == null || !authorizer.containsKey(USER_ID)) {
            return Optional.empty();
        }
        if (!(authorizer.get(USER_ID) instanceof String userId) || !(authorizer.get(DISPLAY_NAME) instanceof String name)) {
            throw new IllegalStateException("the authorizer context needs the strings " + USER_ID + " and " + DISPLAY_NAME
                    + ", not " + authorizer.keySet());
        }
        return Optional.of(new Principal(new UserId(userId), new DisplayName(name)));
    }
}
