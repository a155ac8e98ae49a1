package dev.parley.chat.architecture.violations.handlerlooksupcomponent.adapter.in.lambda;

import dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring.ChatComponent;
import dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring.ExecutionEnvironment;

/**
 * Breaks "the wiring is entered only where Lambda builds a handler": its constructor is public and takes nothing, but
 * Lambda never builds this class, so it could have been handed its component.
 */
public final class ComponentFetchingFrameReader {

    private final ChatComponent component;

    public ComponentFetchingFrameReader() {
        this.component = ExecutionEnvironment.chatComponent();
    }

    public ChatComponent component() {
        return component;
    }
}
