package dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda;

import dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda.authorizer.AuthorizerContext;

public final class ConnectHandler {

    public static String anonymous() {
        return "anonymous";
    }

    public String userOf(AuthorizerContext context) {
        return context.userIdOrAnonymous();
    }
}
