package dev.parley.chat.architecture.violations.handlerlooksupcomponent.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring.ChatComponent;
import dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring.ExecutionEnvironment;

public final class ComponentFetchingSendMessageHandler implements RequestHandler<String, String> {

    private final ChatComponent component;

    /** Allowed: Lambda builds the handler through this constructor. */
    public ComponentFetchingSendMessageHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    ComponentFetchingSendMessageHandler(ChatComponent component) {
        this.component = component;
    }

    /**
     * Breaks "the wiring is entered only where Lambda builds a handler": each request fetches the component again,
     * past the one the handler was built with (a test's fake one, say).
     */
    @Override
    public String handleRequest(String frame, Context context) {
        return ExecutionEnvironment.chatComponent() == component ? frame : "";
    }
}
