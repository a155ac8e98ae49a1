package dev.parley.chat.settings;

import dev.parley.chat.domain.model.RoomLimit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How many rooms each connection may be in at once ({@link RoomLimit}): the functions read it from their environment,
 * the deployment from the CDK context, chat-local from {@code --max-rooms-per-connection}. The range is the limit's own.
 */
public final class RoomSettings {

    public static final Setting<Integer> MAX_ROOMS_PER_CONNECTION = new Setting<>(
            "MAX_ROOMS_PER_CONNECTION",
            Optional.of("maxRoomsPerConnection"),
            Optional.of(new Setting.Flag("--max-rooms-per-connection", "N")),
            "rooms each connection may be in at once, the lobby included; a join beyond it is answered TOO_MANY_ROOMS",
            RoomLimit.DEFAULT_MAX_ROOMS,
            "a whole number from 1 to " + RoomLimit.MAX_ROOMS,
            text -> RoomLimit.requireValidMaxRooms(Integer.parseInt(text)),
            String::valueOf);

    private RoomSettings() {}

    public static RoomLimit fromEnvironment(Map<String, String> environment) {
        return new RoomLimit(MAX_ROOMS_PER_CONNECTION.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static RoomLimit fromContext(Function<String, Object> context) {
        return new RoomLimit(MAX_ROOMS_PER_CONNECTION.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as {@code limit}. */
    public static Map<String, String> toEnvironment(RoomLimit limit) {
        return Map.ofEntries(MAX_ROOMS_PER_CONNECTION.toEnvironment(limit.maxRoomsPerConnection()));
    }
}
