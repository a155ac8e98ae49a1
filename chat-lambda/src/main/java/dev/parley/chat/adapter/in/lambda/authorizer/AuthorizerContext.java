package dev.parley.chat.adapter.in.lambda.authorizer;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorizer's {@code context}: API Gateway hands it, with the {@code principalId}, to every route of the
 * connection as {@code requestContext.authorizer}. Written by {@link AuthorizerHandler}, read by {@code $connect}.
 */
public final class AuthorizerContext {

    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";
    /** The token's {@code rooms} claim as a JSON array in a string; absent when the token admits every room. */
    public static final String ROOMS = "rooms";

    private AuthorizerContext() {}

    /**
     * What the authorizer passes on for {@code principal}: strings only, as API Gateway requires of a context's values,
     * so the list of rooms travels as JSON text.
     */
    public static Map<String, Object> of(Principal principal) {
        Map<String, Object> context = new HashMap<>();
        context.put(USER_ID, principal.userId().value());
        context.put(DISPLAY_NAME, principal.displayName().value());
        if (!principal.roomAccess().everyRoom()) {
            try {
                context.put(ROOMS, JSON.std.asString(principal.roomAccess().patterns()));
            } catch (IOException impossible) {
                throw new IllegalStateException("a list of strings is always JSON", impossible);
            }
        }
        return Map.copyOf(context);
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
        return Optional.of(new Principal(new UserId(userId), new DisplayName(name), roomAccess(authorizer.get(ROOMS))));
    }

    /** Only the authorizer writes it: anything else than its JSON text is a deployment fault, never every room. */
    private static RoomAccess roomAccess(Object rooms) {
        if (rooms == null) {
            return RoomAccess.EVERY_ROOM;
        }
        if (rooms instanceof String json) {
            try {
                List<Object> patterns = JSON.std.listFrom(json);
                if (patterns.size() <= RoomAccess.MAX_PATTERNS && patterns.stream()
                        .allMatch(pattern -> pattern instanceof String text && RoomAccess.isValidPattern(text))) {
                    return RoomAccess.only(patterns.stream().map(String.class::cast).toList());
                }
            } catch (IOException notJson) {
                // a deployment fault, answered below
            }
        }
        throw new IllegalStateException("the authorizer context's " + ROOMS
                + " must be a JSON array of room names and prefixes, as the authorizer writes it");
    }
}
