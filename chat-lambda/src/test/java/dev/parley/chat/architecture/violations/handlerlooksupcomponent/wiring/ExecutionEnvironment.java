package dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring;

public final class ExecutionEnvironment {

    private static final ChatComponent CHAT = new ChatComponent();

    private ExecutionEnvironment() {}

    public static ChatComponent chatComponent() {
        return CHAT;
    }
}
