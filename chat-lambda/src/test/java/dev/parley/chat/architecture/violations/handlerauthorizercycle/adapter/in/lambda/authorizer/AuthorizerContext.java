package dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda.authorizer;

import dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda.ConnectHandler;

/** Closes a cycle with {@link ConnectHandler}, which reads this context: it borrows the handler's default. */
public record AuthorizerContext(String userId) {

    public String userIdOrAnonymous() {
        return userId == null ? ConnectHandler.anonymous() : userId;
    }
}
