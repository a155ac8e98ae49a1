package dev.parley.chat.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The actions a client names in a frame's {@code action} field, matched exactly and case-sensitively. */
public enum Action {
    SEND_MESSAGE("sendMessage"),
    JOIN("join"),
    LEAVE("leave"),
    MEMBERS("members"),
    HISTORY("history"),
    /** The keep-alive, answered with a pong. */
    PING("ping");

    /** "sendMessage, join, leave, members, history and ping": for the error that names an unknown action. */
    static final String ALL = Arrays.stream(values()).limit(values().length - 1L).map(Action::wireName)
            .collect(Collectors.joining(", ")) + " and " + PING.wireName;

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Action> forName(String name) {
        return Arrays.stream(values()).filter(action -> action.wireName.equals(name)).findFirst();
    }
}
