package dev.parley.chat.architecture.violations.handlercallsadapter.adapter.in.lambda;

import dev.parley.chat.architecture.violations.handlercallsadapter.adapter.out.dynamodb.DynamoDbConnectionRegistry;

/** Breaks "adapters do not depend on each other": the handler writes the table, past the use case. */
public final class TableWritingConnectHandler {

    private final DynamoDbConnectionRegistry registry = new DynamoDbConnectionRegistry();

    public void handle(String connectionId) {
        registry.register(connectionId);
    }
}
